package dev.quorum.core.lifecycle.renew;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.labtest.LabCluster;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renewal where the workstation reaches the members only over SSH (a bastion's network: client and peer ports
 * dropped from the workstation, etcd through SSH tunnels). Which certificate a member serves is read through the
 * host's SSH connection on both ports, so a member that picked up its renewed files by itself is not restarted
 * for a port the workstation cannot see.
 */
@LabHosts(count = 3)
class RenewThroughSshLabTest {
    static Lab lab;
    @TempDir
    static Path dir;

    @AfterAll
    static void unblock() {
        if (lab != null) {
            lab.hosts().forEach(LabHost::unblockFromTool);
        }
    }

    @Test
    void everyMemberServesItsRenewedCertificateOnBothPortsWithoutARestart() {
        LabCluster cluster = new LabCluster(lab, dir, Map.of("quorum_etcd_via_ssh", true), 3);
        LabCluster.Outcome install = cluster.install();
        assertThat(install.result().succeeded()).as(install.log() + install.firstFailure()).isTrue();
        lab.hosts().forEach(h -> h.blockFromTool(2379, 2380));
        List<String> pidsBefore = etcdPids();

        LabCluster.Outcome renewed = cluster.run(session -> CertPlans.renew(session,
                new RenewalRequest(Optional.empty(), true, Duration.ofDays(30))));

        assertThat(renewed.result().succeeded()).as(renewed.log() + renewed.firstFailure()).isTrue();
        assertThat(renewed.log()).as(renewed.log()).doesNotContain("restarting it")
                .contains("etcd on lab1 serves the new certificate without a restart",
                        "etcd on lab2 serves the new certificate without a restart",
                        "etcd on lab3 serves the new certificate without a restart");
        assertThat(etcdPids()).as("the same etcd processes").isEqualTo(pidsBefore);
        LabCluster.Outcome again = cluster.run(session -> CertPlans.renew(session,
                new RenewalRequest(Optional.empty(), false, Duration.ofDays(30))));
        assertThat(again.result().summary().nothingChanged()).as(again.log()).isTrue();
    }

    private static List<String> etcdPids() {
        return lab.hosts().stream().map(h -> h.exec("pgrep -x etcd").requireOk("find etcd on " + h).stdout().strip())
                .toList();
    }
}
