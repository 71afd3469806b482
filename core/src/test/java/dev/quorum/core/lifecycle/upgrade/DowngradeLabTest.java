package dev.quorum.core.lifecycle.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.StepStatus;
import dev.quorum.core.labtest.ContinuousWriter;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * etcd's own downgrade, 3.6 -> 3.5, on a 3-member TLS cluster (decision 0068): two minors back refused with nothing
 * changed; a member step before the storage was migrated refused with nothing changed; a downgrade cut off after its first member, then run again to the end, under a continuous writer (no
 * acknowledged write lost, the same member IDs, the cluster speaking 3.5); a re-run that changes nothing; the upgrade
 * back to 3.6, after which the cluster speaks 3.6 only if etcd finished the downgrade; an upgrade after a downgrade
 * cut off half way, which cancels it first; one after a downgrade cut off before any member moved, which has only the
 * cancel to do; and 3.7 -> 3.6 after an upgrade to 3.7.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DowngradeLabTest {
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;
    static UpgradeLabReads reads;
    static Map<String, Long> ids;

    @BeforeAll
    static void installThreeOn36() {
        cluster = new LabCluster(lab, dir, UpgradeLabReads.vars(EtcdTarball.require("3.6")), 3);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
        reads = new UpgradeLabReads(lab, cluster);
        ids = reads.memberIds();
    }

    @Test
    @Order(1)
    void twoMinorsBackAreRefusedWithNothingChanged() {
        UpgradeLabReads.point(cluster, EtcdTarball.require("3.4"));
        String before = reads.fingerprint();
        LabCluster.Outcome refused = cluster.run(s -> UpgradePlans.plan(s, UpgradeRequest.downgradeOneMinor()));
        assertThat(refused.result().succeeded()).isFalse();
        assertThat(refused.firstFailure()).as(refused.log()).contains("more than one minor below the running v3.6");
        assertThat(reads.fingerprint()).isEqualTo(before);
    }

    /** A member step asked before etcd migrated the storage: its older binary would not start, so nothing changes. */
    @Test
    @Order(2)
    void aMemberStepBeforeTheStorageFollowedChangesNothing() {
        EtcdTarball to = EtcdTarball.require("3.5");
        UpgradeLabReads.point(cluster, to);
        String before = reads.fingerprint();
        String host = lab.host(0).name();
        LabCluster.Outcome refused = cluster.run(s -> new Plan("downgrade", s.inventory().clusterName(),
                List.of(PlannedStep.onEach(new UpgradeMemberStep(UpgradePlans.session(s),
                        EtcdVersion.parse(to.version()), false, true), List.of(host)))));
        assertThat(refused.result().succeeded()).isFalse();
        assertThat(refused.firstFailure()).as(refused.log()).contains("is not ready for " + to.version())
                .contains("storage version 3.6.0, downgrade not enabled").contains("nothing was changed on it");
        assertThat(reads.fingerprint()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void aDowngradeCutOffAfterOneMemberIsFinishedByARerunWithNoWriteLost() throws Exception {
        EtcdTarball from = EtcdTarball.require("3.6");
        EtcdTarball to = EtcdTarball.require("3.5");
        UpgradeLabReads.point(cluster, to);
        try (ClusterSession session = cluster.session(cluster.ssh());
             ContinuousWriter writer = new ContinuousWriter(reads.endpoints(), session.pki().clientTls())) {
            writer.awaitAcknowledged(20, Duration.ofSeconds(10));
            LabCluster.Outcome cut = downgradeCutOffAfterItsFirstMember();
            assertThat(cut.log()).contains("etcdctl downgrade enable 3.5");
            assertThat(reads.versions()).containsExactlyInAnyOrder(to.version(), from.version(),
                    from.version());

            LabCluster.Outcome finished = cluster.run(s -> UpgradePlans.plan(s, UpgradeRequest.downgradeOneMinor()));
            writer.awaitAcknowledged(writer.acknowledgedCount() + 20, Duration.ofSeconds(10));
            writer.stop();
            assertThat(finished.result().succeeded()).as(finished.log()).isTrue();
            assertThat(finished.log()).contains("the downgrade to 3.5 is enabled");
            assertThat(writer.missing()).as("acknowledged writes lost").isEmpty();
            System.out.println("DOWNGRADE longest write pause " + writer.longestGap().toMillis() + " ms, "
                    + writer.acknowledgedCount() + " writes, " + writer.failures() + " failed");
            assertClusterSpeaks("3.5");
            for (LabHost host : lab.hosts()) {
                assertThat(host.exec("test -x /var/backups/quorum/etcd-" + from.version() + "/etcd").ok())
                        .as("the 3.6 binaries kept on " + host.name()).isTrue();
            }
        }
        assertThat(reads.versions()).containsOnly(to.version());
        assertThat(reads.memberIds()).isEqualTo(ids);
    }

    @Test
    @Order(4)
    void aRerunChangesNothing() {
        LabCluster.Outcome again = cluster.run(s -> UpgradePlans.plan(s, UpgradeRequest.downgradeOneMinor()));
        assertThat(again.result().succeeded()).as(again.log()).isTrue();
        assertThat(again.events()).filteredOn(e -> e instanceof RunEvent.TargetFinished)
                .extracting(e -> ((RunEvent.TargetFinished) e).status()).containsOnly(StepStatus.OK);
    }

    @Test
    @Order(5)
    void theUpgradeBackTo36GoesThrough() {
        runTo(EtcdTarball.require("3.6"), UpgradeRequest.upgrade());
    }

    /**
     * etcd's way back from a downgrade cut off half way: cancel it, then the downgraded members on 3.6 again. A
     * rollback in that state is refused: it would put the kept 3.5 binaries on the rest, finishing the downgrade.
     */
    @Test
    @Order(6)
    void anUpgradeAfterADowngradeCutOffHalfWayCancelsItAndTheClusterSpeaks36() {
        EtcdTarball from = EtcdTarball.require("3.6");
        EtcdTarball to = EtcdTarball.require("3.5");
        UpgradeLabReads.point(cluster, to);
        downgradeCutOffAfterItsFirstMember();
        assertThat(reads.versions()).containsExactlyInAnyOrder(to.version(), from.version(), from.version());

        String before = reads.fingerprint();
        LabCluster.Outcome rollback = cluster.run(s -> UpgradePlans.plan(s, UpgradeRequest.rollBack()));
        assertThat(rollback.result().succeeded()).isFalse();
        assertThat(rollback.firstFailure()).as(rollback.log()).contains("is under way (etcd reports it enabled)")
                .contains("quorum upgrade --downgrade");
        assertThat(reads.fingerprint()).isEqualTo(before);

        LabCluster.Outcome back = runTo(from, UpgradeRequest.upgrade());
        assertThat(back.log()).contains("a downgrade is enabled").contains("etcdctl downgrade cancel");
    }

    /**
     * A downgrade cut off once etcd's downgrade is enabled, before any member moved: every member still runs 3.6, yet
     * the cluster speaks 3.5 until the downgrade is cancelled. The upgrade to 3.6 has no member to restart and cancels it.
     */
    @Test
    @Order(7)
    void anUpgradeAfterADowngradeCutOffBeforeAnyMemberMovedCancelsIt() {
        EtcdTarball from = EtcdTarball.require("3.6");
        UpgradeLabReads.point(cluster, EtcdTarball.require("3.5"));
        downgradeCutOffAfter("Enable etcd's downgrade");
        assertThat(reads.versions()).containsOnly(from.version());
        assertClusterSpeaks("3.5");

        LabCluster.Outcome back = runTo(from, UpgradeRequest.upgrade());
        assertThat(back.log()).contains("a downgrade is enabled").contains("etcdctl downgrade cancel");
    }

    /** The newest line: up to 3.7, then back to 3.6 with the same downgrade (etcd's 3.7 guide: no flag changes). */
    @Test
    @Order(8)
    void from37BackTo36() {
        runTo(EtcdTarball.require("3.7"), UpgradeRequest.upgrade());
        runTo(EtcdTarball.require("3.6"), UpgradeRequest.downgradeOneMinor());
    }

    /** The inventory pointed at {@code tarball}, then a whole run: every member on it, same IDs, the cluster its line. */
    private static LabCluster.Outcome runTo(EtcdTarball tarball, UpgradeRequest request) {
        UpgradeLabReads.point(cluster, tarball);
        LabCluster.Outcome run = cluster.run(s -> UpgradePlans.plan(s, request));
        assertThat(run.result().succeeded()).as(run.log()).isTrue();
        assertThat(reads.versions()).containsOnly(tarball.version());
        assertThat(reads.memberIds()).isEqualTo(ids);
        assertClusterSpeaks(tarball.line());
        return run;
    }

    /** A downgrade run cancelled once its first member runs the target, as an operator's Ctrl-C would. */
    private static LabCluster.Outcome downgradeCutOffAfterItsFirstMember() {
        return downgradeCutOffAfter("Downgrade each member");
    }

    private static LabCluster.Outcome downgradeCutOffAfter(String title) {
        return UpgradeLabReads.downgradeCutOffAfter(cluster, title);
    }

    private static void assertClusterSpeaks(String line) {
        UpgradeLabReads.assertClusterSpeaks(cluster, reads.endpoints(), line);
    }
}
