package dev.quorum.core.lifecycle.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.etcd.ClusterProbe;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.labtest.Ipv6HostVars;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IPv6-only cluster as Kubespray describes one ({@code ipv4_stack: false}, {@code ipv6_stack: true}, each host's
 * {@code ip6} in its host_vars): the members listen, advertise and are reached on their IPv6 addresses, which their
 * certificates name; SSH still goes to {@code ansible_host}.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ipv6StackLabTest {
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;
    static Map<LabHost, String> ip6;

    @BeforeAll
    static void ipv6OnEveryHost() throws IOException {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("ipv4_stack", false);
        vars.put("ipv6_stack", true);
        cluster = new LabCluster(lab, dir, vars);
        ip6 = Ipv6HostVars.enable(lab, cluster);
    }

    @Test
    @Order(1)
    void installsAClusterWhoseMembersSpeakIpv6Only() throws Exception {
        LabCluster.Outcome outcome = cluster.install();

        assertThat(outcome.result().succeeded()).as(outcome.log() + outcome.firstFailure()).isTrue();
        LabHost first = lab.host(0);
        String members = first.exec("etcdctl.sh member list").stdout();
        for (Map.Entry<LabHost, String> host : ip6.entrySet()) {
            String bracketed = "[" + host.getValue() + "]";
            assertThat(members).contains("https://" + bracketed + ":2380").contains("https://" + bracketed + ":2379")
                    .doesNotContain(host.getKey().address() + ":2380");
            assertThat(host.getKey().exec("ss -Hltn").stdout()).contains(bracketed + ":2379")
                    .contains(bracketed + ":2380");
            assertThat(host.getKey().exec("openssl x509 -noout -ext subjectAltName -in /etc/ssl/etcd/ssl/member-"
                    + host.getKey().name() + ".pem").stdout()).containsIgnoringCase(Ipv6HostVars.expandedSan(host.getValue()));
        }
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            ClusterStatus status = ClusterProbe.probe(session.sharedEtcd(), session.inventory().etcdMembers(),
                    Duration.ofSeconds(3));
            assertThat(status.members()).hasSize(3).allMatch(MemberStatus::healthy);
        }
    }

    @Test
    @Order(2)
    void aRerunChangesNothing() {
        LabCluster.Outcome again = cluster.install();

        assertThat(again.result().succeeded()).as(again.log() + again.firstFailure()).isTrue();
        assertThat(again.result().summary().changed()).as(again.log()).isZero();
    }
}
