package dev.quorum.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.etcd.ClusterProbe;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.labtest.ContinuousWriter;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.renew.CertPlans;
import dev.quorum.core.lifecycle.renew.RotateCaRequest;
import dev.quorum.core.lifecycle.renew.RenewalRequest;
import dev.quorum.core.lifecycle.maintenance.CompactRequest;
import dev.quorum.core.lifecycle.maintenance.DefragRequest;
import dev.quorum.core.lifecycle.maintenance.MaintenancePlans;
import dev.quorum.core.lifecycle.members.MemberPlans;
import dev.quorum.core.lifecycle.members.ReplaceRequest;
import dev.quorum.core.lifecycle.members.RemoveRequest;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix's "workstation cannot reach 2379" column for the changes that act on a healthy
 * cluster: lab1..lab3 are members, lab4 a spare host, and every host drops TCP to 2379 from the
 * workstation only (SSH works, the members reach each other). Remove, replace, renew, rotate-ca,
 * compact and defrag must each refuse with a message that names the unreachable client port, and
 * change nothing anywhere ({@link HostEvidence}). A writer started before the firewall keeps
 * trying throughout; once the port opens again, every write it saw acknowledged is there.
 */
@LabHosts(count = 4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientPortBlockedChangesLabTest {
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;
    static ContinuousWriter writer;
    static HostEvidence installed;

    @BeforeAll
    static void installStartAWriterThenBlock() throws Exception {
        cluster = new LabCluster(lab, dir, Map.of(), 3);
        LabCluster.Outcome install = cluster.install();
        assertThat(install.result().succeeded()).as(install.log()).isTrue();
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            writer = new ContinuousWriter(session.inventory().etcdMembers().stream().map(m -> m.clientUrl()).toList(),
                    session.pki().clientTls());
        }
        writer.awaitAcknowledged(30, Duration.ofSeconds(10));
        assertThat(writer.acknowledgedCount()).isGreaterThanOrEqualTo(30);
        installed = HostEvidence.read(cluster);
        assertThat(installed.memberIds()).as(installed.lines().toString()).hasSize(3);
        lab.hosts().forEach(h -> h.blockFromTool(2379));
    }

    @AfterAll
    static void unblock() throws Exception {
        if (lab != null) {
            lab.hosts().forEach(LabHost::unblockFromTool);
        }
        if (writer != null) {
            writer.close();
        }
    }

    /** Runs the life-cycle; it must refuse naming every member's blocked port, and leave every host as it was. */
    private static Attempt refusesAndChangesNothing(LabCluster.PlanFactory lifecycle) {
        HostEvidence before = HostEvidence.read(cluster);

        Attempt attempt = Attempt.of(cluster, lifecycle);

        assertThat(attempt.outcome()).as(attempt.log()).isEqualTo(RunOutcome.FAILED);
        assertThat(attempt.message()).as(attempt.log()).contains("cannot reach etcd's client port on lab1 (")
                .contains("lab2 (").contains("lab3 (").contains(":2379: timed out")
                .contains("open TCP 2379 from this workstation");
        assertThat(attempt.message()).as("no advice to restore a healthy cluster").doesNotContain("restore");
        assertThat(HostEvidence.read(cluster).lines()).as(attempt.log()).containsExactlyElementsOf(before.lines());
        return attempt;
    }

    @Test
    @Order(1)
    void removeRefusesWhileItsPlanIsBuilt() {
        Attempt refused = refusesAndChangesNothing(session -> MemberPlans.remove(session, new RemoveRequest("lab3")).plan());

        assertThat(refused.stage()).isEqualTo(Attempt.AT_PLAN);
        assertThat(refused.message()).contains("says nothing about the cluster's quorum");
    }

    @Test
    @Order(2)
    void replaceRefusesAndInstallsNothingOnTheSpare() {
        Attempt refused = refusesAndChangesNothing(session -> MemberPlans.replace(session, new ReplaceRequest("lab3", "lab4", false)).plan());

        assertThat(refused.stage()).isEqualTo(Attempt.AT_PLAN);
        assertThat(lab.host(3).exec("ls /etc/etcd.env /etc/ssl/etcd 2>&1").stdout()).contains("No such file");
    }

    @Test
    @Order(3)
    void renewOfEveryCertificateRefusesBeforeRestartingAnyMember() {
        // --all re-issues every certificate: without the client-port guard the renewal guard saw
        // "no quorum" and chose to restart every member at once.
        Attempt refused = refusesAndChangesNothing(session -> CertPlans.renew(session,
                new RenewalRequest(Optional.empty(), true, Duration.ofDays(30))));

        assertThat(refused.stage()).isEqualTo(Attempt.AT_RUN);
        assertThat(refused.message()).contains("nothing was changed");
    }

    @Test
    @Order(4)
    void rotateCaRefusesBeforeMakingANewCa() {
        Attempt refused = refusesAndChangesNothing(session -> CertPlans.rotateCa(session, RotateCaRequest.all()));

        assertThat(refused.stage()).isEqualTo(Attempt.AT_RUN);
        assertThat(refused.message()).contains("nothing was changed");
    }

    @Test
    @Order(5)
    void compactRefusesWhileItsPlanIsBuilt() {
        Attempt refused = refusesAndChangesNothing(session -> MaintenancePlans.compact(session, CompactRequest.keep(10)));

        assertThat(refused.stage()).isEqualTo(Attempt.AT_PLAN);
    }

    @Test
    @Order(6)
    void defragRefusesWhileItsPlanIsBuilt() {
        Attempt refused = refusesAndChangesNothing(session -> MaintenancePlans.defrag(session, new DefragRequest(0)));

        assertThat(refused.stage()).isEqualTo(Attempt.AT_PLAN);
    }

    @Test
    @Order(7)
    void onceUnblockedTheSameMembersAreHealthyAndNoAcknowledgedWriteIsLost() throws Exception {
        lab.hosts().forEach(LabHost::unblockFromTool);
        int before = writer.acknowledgedCount();

        writer.awaitAcknowledged(before + 20, Duration.ofSeconds(30));
        writer.stop();

        assertThat(writer.acknowledgedCount()).as("the writer goes on once the port is open").isGreaterThan(before);
        assertThat(writer.missing()).isEmpty();
        assertThat(HostEvidence.read(cluster).memberIds()).isEqualTo(installed.memberIds());
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            ClusterStatus status = ClusterProbe.probe(session.sharedEtcd(), session.inventory().etcdMembers(),
                    Duration.ofSeconds(3));
            assertThat(status.healthy()).as(status.sentence()).isTrue();
        }
    }
}
