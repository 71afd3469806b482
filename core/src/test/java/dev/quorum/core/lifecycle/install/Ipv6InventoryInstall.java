package dev.quorum.core.lifecycle.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.etcd.ClusterProbe;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Install from an inventory whose hosts have IPv6 (each host's {@code ip6} in its host_vars), with the IP stack
 * variables a subclass gives; the subclass checks the first install (order 1), this class that a re-run changes
 * nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class Ipv6InventoryInstall {
    Lab lab;
    LabCluster cluster;
    /** Each host's IPv6 address, in the lab's host order. */
    final Map<LabHost, String> ip6 = new LinkedHashMap<>();

    /** Kubespray's IP stack variables for the whole inventory. */
    abstract Map<String, Object> stackVars();

    @BeforeAll
    void ipv6OnEveryHost(@TempDir Path dir) throws IOException {
        cluster = new LabCluster(lab, dir, stackVars());
        Path hostVars = Files.createDirectories(cluster.inventoryFile.resolveSibling("host_vars"));
        for (LabHost host : lab.hosts()) {
            String address = host.enableIpv6();
            ip6.put(host, address);
            Files.writeString(hostVars.resolve(host.name() + ".yml"), "ip6: \"" + address + "\"\n");
        }
    }

    @Test
    @Order(2)
    void aRerunChangesNothing() {
        LabCluster.Outcome again = cluster.install();

        assertThat(again.result().succeeded()).as(again.log() + again.firstFailure()).isTrue();
        assertThat(again.result().summary().changed()).as(again.log()).isZero();
    }

    LabCluster.Outcome installed() {
        LabCluster.Outcome outcome = cluster.install();
        assertThat(outcome.result().succeeded()).as(outcome.log() + outcome.firstFailure()).isTrue();
        return outcome;
    }

    String sanOf(LabHost host) {
        return host.exec("openssl x509 -noout -ext subjectAltName -in /etc/ssl/etcd/ssl/member-" + host.name()
                + ".pem").stdout();
    }

    void assertAllHealthy() throws Exception {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            ClusterStatus status = ClusterProbe.probe(session.sharedEtcd(), session.inventory().etcdMembers(),
                    Duration.ofSeconds(3));
            assertThat(status.members()).hasSize(3).allMatch(MemberStatus::healthy);
        }
    }

    /** How openssl prints an IPv6 SAN: every group, without leading zeros, e.g. FD51:9877:77:0:0:0:0:2. */
    static String expandedSan(String address) throws UnknownHostException {
        return "IP Address:" + InetAddress.getByName(address).getHostAddress().toUpperCase();
    }
}
