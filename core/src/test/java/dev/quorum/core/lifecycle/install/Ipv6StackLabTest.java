package dev.quorum.core.lifecycle.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * An IPv6-only cluster as Kubespray describes one ({@code ipv4_stack: false}, {@code ipv6_stack: true}, each host's
 * {@code ip6} in its host_vars): the members listen, advertise and are reached on their IPv6 addresses, which their
 * certificates name; SSH still goes to {@code ansible_host}.
 */
@LabHosts(count = 3)
class Ipv6StackLabTest extends Ipv6InventoryInstall {
    @Override
    Map<String, Object> stackVars() {
        return Map.of("ipv4_stack", false, "ipv6_stack", true);
    }

    @Test
    @Order(1)
    void installsAClusterWhoseMembersSpeakIpv6Only() throws Exception {
        installed();

        String members = lab.host(0).exec("etcdctl.sh member list").stdout();
        for (Map.Entry<LabHost, String> host : ip6.entrySet()) {
            String bracketed = "[" + host.getValue() + "]";
            assertThat(members).contains("https://" + bracketed + ":2380").contains("https://" + bracketed + ":2379")
                    .doesNotContain(host.getKey().address() + ":2380");
            assertThat(host.getKey().exec("ss -Hltn").stdout()).contains(bracketed + ":2379")
                    .contains(bracketed + ":2380");
            assertThat(sanOf(host.getKey())).containsIgnoringCase(expandedSan(host.getValue()));
        }
        assertAllHealthy();
    }
}
