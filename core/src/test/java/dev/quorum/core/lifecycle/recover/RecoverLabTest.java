package dev.quorum.core.lifecycle.recover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.etcd.ClusterProbe;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.etcd.TlsFiles;
import dev.quorum.core.labtest.ContinuousWriter;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.labtest.LabKv;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery on three lab hosts: a healed partition is confirmed, a stopped member started, a member whose process
 * is stopped (SIGSTOP) restarted, a member whose data dir was wiped re-seeded (holding every key afterwards, its old
 * data kept aside), recovery without quorum refused with the way to a restore, and a quorum lost only because
 * etcd is stopped everywhere brought back by starting it, every write kept.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecoverLabTest {
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;

    @BeforeAll
    static void install() {
        cluster = new LabCluster(lab, dir, Map.of(), 3);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
    }

    private static LabCluster.Outcome recover(Duration rejoinTimeout) {
        return cluster.run(session -> RecoverPlan.build(session, new RecoverRequest("hosts.yaml", rejoinTimeout)).plan());
    }

    private static Diagnosis diagnose() {
        return new LabDiagnosis(cluster).now();
    }

    private static Diagnosis await(Predicate<Diagnosis> settled) {
        return new LabDiagnosis(cluster).await(settled);
    }

    private static List<String> stepsRun(LabCluster.Outcome outcome) {
        return outcome.events().stream().filter(e -> e instanceof dev.quorum.core.engine.RunEvent.StepFinished)
                .map(e -> ((dev.quorum.core.engine.RunEvent.StepFinished) e).title()).toList();
    }

    @Test
    @Order(1)
    void afterAPartitionHealsRecoverConfirmsAndTouchesNothing() throws Exception {
        lab.host(2).cutPeers();
        await(d -> d.member("lab3").orElseThrow().has(ProblemKind.ISOLATED));

        LabCluster.Outcome whileCut = recover(Duration.ofSeconds(3));
        assertThat(whileCut.result().succeeded()).isFalse();
        assertThat(whileCut.firstFailure()).contains("not every member rejoined").contains("lab3");

        lab.host(2).healPeers();
        LabCluster.Outcome healed = recover(Duration.ofSeconds(60));
        assertThat(healed.result().succeeded()).as(healed.log() + healed.firstFailure()).isTrue();
        assertThat(stepsRun(healed)).containsExactly("Check the cluster has quorum",
                "Check this workstation reaches etcd's client port on every member",
                "Wait until every member has rejoined and caught up");
        assertThat(diagnose().verdict()).isEqualTo(Verdict.HEALTHY);
    }

    @Test
    @Order(2)
    void aStoppedMemberIsStarted() throws Exception {
        lab.host(1).exec("systemctl stop etcd").requireOk("stop etcd");
        // if lab2 led, the others have no leader for a moment (etcd hands leadership on as it stops): settled means
        // lab2 down and the other two with a leader again
        Diagnosis before = await(d -> d.member("lab2").orElseThrow().has(ProblemKind.NOT_RUNNING) && d.hasQuorum());
        assertThat(before.sentence()).contains("quorum recover starts etcd on lab2");
        // the stopped member's port refuses: its status says so at once, not after the probe's timeout
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            MemberStatus stopped = ClusterProbe.probe(session.sharedEtcd(), session.inventory().etcdMembers(),
                    Duration.ofSeconds(2)).members().get(1);
            assertThat(stopped.error()).isEqualTo("nothing listens on " + lab.host(1).address()
                    + ":2379 (connection refused)");
        }

        LabCluster.Outcome outcome = recover(Duration.ofSeconds(60));
        assertThat(outcome.result().succeeded()).as(outcome.log() + outcome.firstFailure()).isTrue();
        assertThat(outcome.result().summary().changed()).isPositive();
        assertThat(diagnose().verdict()).isEqualTo(Verdict.HEALTHY);
    }

    @Test
    @Order(3)
    void aMemberWhoseProcessIsStoppedIsRestartedThroughSystemdKeepingItsData() throws Exception {
        LabHost host = lab.host(2);
        String pid = host.exec("systemctl show -p MainPID --value etcd").stdout().strip();
        try {
            host.exec("kill -STOP " + pid).requireOk("stop etcd's process");
            Diagnosis before = await(d -> d.member("lab3").orElseThrow().has(ProblemKind.FROZEN) && d.hasQuorum());
            assertThat(before.sentence()).contains("etcd on lab3 is stopped and answers nobody")
                    .contains("quorum recover restarts etcd on lab3");

            LabCluster.Outcome outcome = recover(Duration.ofSeconds(60));
            assertThat(outcome.result().succeeded()).as(outcome.log() + outcome.firstFailure()).isTrue();
            assertThat(stepsRun(outcome)).contains("Restart etcd where its process is stopped (its data is kept)");
        } finally {
            host.exec("kill -CONT " + pid + " 2>/dev/null");
        }
        assertThat(host.exec("systemctl show -p MainPID --value etcd").stdout().strip()).isNotEqualTo(pid);
        assertThat(host.fileExists("/var/lib/etcd/member/snap/db")).isTrue();
        assertThat(diagnose().verdict()).isEqualTo(Verdict.HEALTHY);
    }

    @Test
    @Order(4)
    void aMemberWhoseDataWasWipedIsReseededAndHoldsEveryKey() throws Exception {
        TlsFiles tls;
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            tls = session.pki().clientTls();
        }
        LabHost victim = lab.host(2);
        List<String> all = lab.hosts().stream().map(h -> "https://" + h.address() + ":2379").toList();
        try (ContinuousWriter writer = new ContinuousWriter(all.subList(0, 2), tls)) {
            writer.awaitAcknowledged(200, Duration.ofSeconds(20));
            victim.loseEtcdData("/var/lib/etcd");
            // if lab3 led, the others elect a new leader first (an election timeout after it was killed)
            Diagnosis broken = await(d -> d.member("lab3").orElseThrow().has(ProblemKind.DATA_LOST) && d.hasQuorum());
            assertThat(broken.verdict()).isEqualTo(Verdict.DEGRADED);
            assertThat(broken.sentence()).contains("lab3 lost its data").contains("quorum recover re-seeds lab3");

            LabCluster.Outcome outcome = recover(Duration.ofSeconds(60));
            assertThat(outcome.result().succeeded()).as(outcome.log() + outcome.firstFailure()).isTrue();
            writer.stop();
            assertThat(writer.missing()).isEmpty();
            assertThat(writer.missingAt(all.get(2))).as("keys lab3 does not hold itself").isEmpty();
        }
        assertThat(victim.exec("ls -d /var/lib/etcd.reseed-*").stdout()).contains("/var/lib/etcd.reseed-");
        assertThat(diagnose().verdict()).isEqualTo(Verdict.HEALTHY);
        assertThat(cluster.home.snapshots(cluster.inventory().clusterName()).toFile().list())
                .anyMatch(f -> f.contains("before-re-seeding-etcd3") && f.endsWith(".db"));

        LabCluster.Outcome again = recover(Duration.ofSeconds(60));
        assertThat(again.result().summary().nothingChanged()).as(again.log()).isTrue();
    }

    @Test
    @Order(5)
    void withoutQuorumRecoveryRefusesAndPointsToRestore() {
        lab.host(1).cutPeers();
        lab.host(2).cutPeers();
        try {
            assertThatThrownBy(() -> recover(Duration.ofSeconds(5)))
                    .hasMessageContaining("quorum is lost")
                    .satisfies(e -> assertThat(((RecoveryException) rootCause(e)).hint()).contains("quorum restore"));
        } finally {
            lab.host(1).healPeers();
            lab.host(2).healPeers();
        }
        // Healed, the two that campaigned alone carry a higher term and the cluster elects again: a write sent
        // before that ends times out ("possibly due to previous leader failure"), so the next test starts from a
        // cluster whose members all follow one leader again.
        await(d -> d.verdict() == Verdict.HEALTHY);
    }

    @Test
    @Order(6)
    void quorumLostBecauseEtcdIsOnlyStoppedIsBroughtBackByStartingItWithEveryWrite() throws Exception {
        List<String> all = lab.hosts().stream().map(h -> "https://" + h.address() + ":2379").toList();
        TlsFiles tls;
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            tls = session.pki().clientTls();
        }
        long written;
        try (LabKv kv = new LabKv(all, tls)) {
            written = kv.put("/quorum-test/before-the-outage", "kept");
        }
        List<String> asideBefore = lab.hosts().stream().map(RecoverLabTest::dataDirs).toList();
        // none of the three can serve alone: lab1's start only launches etcd, the restarts bring the majority
        lab.host(0).exec("systemctl stop etcd").requireOk("stop etcd");
        List<String> pids = new java.util.ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            pids.add(lab.host(i).exec("systemctl show -p MainPID --value etcd").stdout().strip());
            lab.host(i).exec("kill -STOP " + pids.get(i - 1)).requireOk("stop etcd's process");
        }
        try {
            Diagnosis lost = await(d -> d.verdict() == Verdict.QUORUM_LOST && d.quorumReturn().isPresent()
                    && d.quorumReturn().get().hosts().size() == 3);
            assertThat(lost.sentence()).endsWith("etcd is only stopped on lab1, lab2 and lab3, data intact: quorum "
                    + "recover starts etcd on lab1 and restarts it on lab2 and lab3, and quorum returns with every write");
            assertThat(lost.actions().get(0).intent()).isEqualTo(new dev.quorum.core.intent.Intent.Recover());

            LabCluster.Outcome outcome = recover(Duration.ofSeconds(60));
            assertThat(outcome.result().succeeded()).as(outcome.log() + outcome.firstFailure()).isTrue();
            assertThat(stepsRun(outcome)).containsExactly("Check that starting the stopped members brings quorum back",
                    "Check this workstation reaches etcd's client port on every member",
                    "Start etcd where it stopped (its data is intact)",
                    "Restart etcd where its process is stopped (its data is kept)",
                    "Wait until every member has rejoined and caught up");
        } finally {
            for (int i = 1; i <= 2; i++) {
                lab.host(i).exec("kill -CONT " + pids.get(i - 1) + " 2>/dev/null");
            }
        }
        assertThat(diagnose().verdict()).isEqualTo(Verdict.HEALTHY);
        try (LabKv kv = new LabKv(all, tls)) {
            assertThat(kv.get("/quorum-test/before-the-outage")).as("written at revision %d", written).contains("kept");
        }
        assertThat(lab.hosts().stream().map(RecoverLabTest::dataDirs).toList()).as("no data moved aside")
                .isEqualTo(asideBefore);
    }

    @Test
    @Order(7)
    void aStoppedMemberWhoseUnitIsDisabledIsLeftStoppedUntilTheOperatorEnablesIt() throws Exception {
        LabHost host = lab.host(1);
        host.exec("systemctl disable --now etcd").requireOk("take etcd out of service on lab2");
        Diagnosis before = await(d -> d.member("lab2").orElseThrow().has(ProblemKind.DISABLED) && d.hasQuorum());
        assertThat(before.actions().get(0).intent())
                .isEqualTo(new dev.quorum.core.intent.Intent.Manual("systemctl enable etcd   # on lab2"));

        LabCluster.Outcome left = recover(Duration.ofSeconds(60));
        assertThat(left.result().succeeded()).as(left.log() + left.firstFailure()).isTrue();
        assertThat(stepsRun(left)).doesNotContain("Start etcd where it stopped (its data is intact)");
        assertThat(left.log()).contains("etcd stays stopped on lab2: its unit is disabled or masked");
        assertThat(host.exec("systemctl is-active etcd").stdout().strip()).isEqualTo("inactive");

        host.exec("systemctl enable etcd").requireOk("enable etcd on lab2");
        LabCluster.Outcome started = recover(Duration.ofSeconds(60));
        assertThat(started.result().succeeded()).as(started.log() + started.firstFailure()).isTrue();
        assertThat(stepsRun(started)).contains("Start etcd where it stopped (its data is intact)");
        assertThat(diagnose().verdict()).isEqualTo(Verdict.HEALTHY);
    }

    @Test
    @Order(8)
    void aMemberWhoseDataDiskIsFullIsNotStartedUntilSpaceIsFreed() throws Exception {
        LabHost host = lab.host(2);
        host.exec("systemctl stop etcd").requireOk("stop etcd on lab3");
        host.fillDisk("/var/lib/etcd");
        try {
            Diagnosis full = await(d -> d.member("lab3").orElseThrow().has(ProblemKind.DISK_FULL) && d.hasQuorum());
            assertThat(full.sentence()).contains("the disk under /var/lib/etcd is full on lab3: once space is freed "
                    + "there, quorum recover starts etcd");
            assertThat(full.actions().get(0).intent()).isEqualTo(new dev.quorum.core.intent.Intent.Manual(
                    "df -h /var/lib/etcd; du -sh /var/lib/etcd*   # on lab3"));

            LabCluster.Outcome refused = recover(Duration.ofSeconds(3));
            assertThat(refused.result().succeeded()).isFalse();
            assertThat(stepsRun(refused)).doesNotContain("Start etcd where it stopped (its data is intact)");
            assertThat(refused.firstFailure()).contains("not every member rejoined").contains("disk under /var/lib/etcd");
            assertThat(host.exec("systemctl is-active etcd").stdout().strip()).isEqualTo("inactive");
        } finally {
            host.freeDisk("/var/lib/etcd");
        }
        LabCluster.Outcome started = recover(Duration.ofSeconds(60));
        assertThat(started.result().succeeded()).as(started.log() + started.firstFailure()).isTrue();
        assertThat(stepsRun(started)).contains("Start etcd where it stopped (its data is intact)");
        assertThat(diagnose().verdict()).isEqualTo(Verdict.HEALTHY);
    }

    private static String dataDirs(LabHost host) {
        return host.exec("ls -d /var/lib/etcd* 2>/dev/null").stdout();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (!(t instanceof RecoveryException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
