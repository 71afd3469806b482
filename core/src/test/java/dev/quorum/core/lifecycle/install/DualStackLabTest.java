package dev.quorum.core.lifecycle.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A dual-stack cluster as Kubespray describes one ({@code ipv4_stack} left at true, {@code ipv6_stack: true}, each
 * host's {@code ip6} in its host_vars): the members still listen, advertise and are reached on IPv4, and each
 * member's certificate names its IPv6 address as well, as Kubespray's certificates do on a dual stack.
 */
@LabHosts(count = 3)
class DualStackLabTest extends Ipv6InventoryInstall {
    @Override
    Map<String, Object> stackVars() {
        return Map.of("ipv6_stack", true);
    }

    @Test
    @Order(1)
    void installsOnIpv4WithBothAddressesInTheCertificates() throws Exception {
        installed();

        String members = lab.host(0).exec("etcdctl.sh member list").stdout();
        for (Map.Entry<LabHost, String> entry : ip6.entrySet()) {
            LabHost host = entry.getKey();
            assertThat(members).contains("https://" + host.address() + ":2380")
                    .contains("https://" + host.address() + ":2379")
                    .doesNotContain("[" + entry.getValue() + "]");
            assertThat(sanOf(host)).contains("IP Address:" + host.address())
                    .containsIgnoringCase(expandedSan(entry.getValue()));
        }
        assertAllHealthy();
    }
}
