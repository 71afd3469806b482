package dev.quorum.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunListener;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.labtest.ContinuousWriter;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.recover.Diagnoser;
import dev.quorum.core.lifecycle.recover.Diagnosis;
import dev.quorum.core.lifecycle.recover.ProblemKind;
import dev.quorum.core.lifecycle.recover.RecoverPlan;
import dev.quorum.core.lifecycle.recover.RecoverRequest;
import dev.quorum.core.lifecycle.recover.Verdict;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recover's re-seed against host faults, on three lab hosts: lab3's data dir is wiped, recover
 * re-seeds it, and a fault hits lab3 as its new etcd starts. The run stops with the reason,
 * lab1 and lab2 keep quorum and every acknowledged write, and recover run again after healing
 * brings lab3 back holding every key.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostFaultsRecoveryLabTest {
    private static final String START_STEP = "Start etcd on the new member";
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

    @AfterEach
    void heal() {
        lab.hosts().forEach(h -> {
            h.healPeers();
            h.freeDisk("/var/lib/etcd");
        });
    }

    private static LabCluster.Outcome recover(RunListener listener) {
        return cluster.run(session -> RecoverPlan.build(session, new RecoverRequest("hosts.yaml", Duration.ofSeconds(60))).plan(),
                cluster.ssh(), RunMode.APPLY, new Cancellation(), listener);
    }

    private static Diagnosis diagnose() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return new Diagnoser(session).diagnose("hosts.yaml");
        }
    }

    private static Diagnosis await(Predicate<Diagnosis> settled) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        Diagnosis last = diagnose();
        while (!settled.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            last = diagnose();
        }
        assertThat(settled.test(last)).as("diagnosis did not settle: %s", last).isTrue();
        return last;
    }

    private static List<String> endpoints() {
        return lab.hosts().stream().map(h -> "https://" + h.address() + ":2379").toList();
    }

    private static ContinuousWriter writerOnTheHealthyTwo() throws Exception {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return new ContinuousWriter(endpoints().subList(0, 2), session.pki().clientTls());
        }
    }

    /** lab3's data is lost and etcd down ({@link LabHost#loseEtcdData}); diagnosed as lost data. */
    private static LabHost loseLab3sData() throws InterruptedException {
        LabHost victim = lab.host(2);
        victim.loseEtcdData("/var/lib/etcd");
        await(d -> d.member("lab3").orElseThrow().has(ProblemKind.DATA_LOST));
        return victim;
    }

    private static void stillWrites(ContinuousWriter writer) throws InterruptedException {
        int before = writer.acknowledgedCount();
        writer.awaitAcknowledged(before + 20, Duration.ofSeconds(10));
        assertThat(writer.acknowledgedCount()).as("writes acknowledged after the failed run").isGreaterThanOrEqualTo(before + 20);
    }

    private static void rerunBringsLab3Back(ContinuousWriter writer) throws Exception {
        LabCluster.Outcome again = recover(event -> { });

        assertThat(again.result().succeeded()).as(again.log() + again.firstFailure()).isTrue();
        writer.stop();
        assertThat(writer.missing()).as("acknowledged writes lost").isEmpty();
        assertThat(writer.missingAt(endpoints().get(2))).as("keys lab3 does not hold itself").isEmpty();
        Diagnosis after = await(d -> d.verdict() == Verdict.HEALTHY);
        assertThat(after.sentence()).isNotBlank();
    }

    @Test
    @Order(1)
    void reseedWhoseMemberIsPartitionedAsItStartsStopsAndARerunAfterHealingFinishes() throws Exception {
        try (ContinuousWriter writer = writerOnTheHealthyTwo()) {
            writer.awaitAcknowledged(100, Duration.ofSeconds(20));
            LabHost victim = loseLab3sData();

            LabCluster.Outcome failed = recover(event -> {
                if (event instanceof RunEvent.StepStarted s && s.title().equals(START_STEP)) {
                    victim.cutPeers();
                }
            });

            assertThat(failed.result().outcome()).as(failed.log()).isEqualTo(RunOutcome.FAILED);
            assertThat(failed.firstFailure()).startsWith("lab3: ").contains("did not become active")
                    .contains("port 2380");
            stillWrites(writer);

            victim.healPeers();
            rerunBringsLab3Back(writer);
        }
        assertThat(lab.host(2).exec("ls -d /var/lib/etcd.reseed-*").ok()).isTrue();
    }

    @Test
    @Order(2)
    void reseedWhoseDataDiskIsFullStopsWithTheCauseAndARerunAfterFreeingItFinishes() throws Exception {
        try (ContinuousWriter writer = writerOnTheHealthyTwo()) {
            writer.awaitAcknowledged(100, Duration.ofSeconds(20));
            LabHost victim = loseLab3sData();

            LabCluster.Outcome failed = recover(event -> {
                if (event instanceof RunEvent.StepStarted s && s.title().equals(START_STEP)) {
                    victim.fillDisk("/var/lib/etcd");
                }
            });

            assertThat(failed.result().outcome()).as(failed.log()).isEqualTo(RunOutcome.FAILED);
            assertThat(failed.firstFailure()).startsWith("lab3: ").contains("did not become active")
                    .contains("no space left on device");
            stillWrites(writer);

            victim.freeDisk("/var/lib/etcd");
            rerunBringsLab3Back(writer);
        }
    }
}
