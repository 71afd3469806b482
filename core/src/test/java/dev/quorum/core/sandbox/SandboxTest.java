package dev.quorum.core.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunResult;
import dev.quorum.core.engine.Runner;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real etcd processes on 127.77.0.1-3 (loopback): start, re-start, stop, restart on old data, reset. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class SandboxTest {
    @TempDir
    static Path home;
    static Sandbox sandbox;
    static List<Long> firstIds;

    private static List<Long> memberIds(ClusterStatus status) {
        return status.memberList().stream().map(m -> m.id()).sorted().toList();
    }

    @BeforeAll
    static void needsEtcd() {
        assumeTrue(EtcdBinary.onPath(System.getenv("PATH")).isPresent(), "no etcd on the PATH (apt-get install etcd-server)");
        sandbox = new Sandbox(new QuorumHome(home), Optional.empty());
    }

    @AfterAll
    static void stopEverything() {
        if (sandbox != null) {
            run(sandbox.stopPlan());
        }
    }

    private static RunResult run(Plan plan) {
        return new Runner(event -> { }, 4, new Cancellation()).run(plan, RunMode.APPLY);
    }

    @Test
    @Order(1)
    void startsThreeHealthyTlsMembersOnLoopback() throws Exception {
        RunResult result = run(sandbox.startPlan());

        assertThat(result.succeeded()).as(result.failures().toString()).isTrue();
        SandboxStatus status = sandbox.status(Duration.ofSeconds(3));
        assertThat(status.runningCount()).isEqualTo(3);
        ClusterStatus cluster = status.cluster().orElseThrow();
        assertThat(cluster.healthy()).isTrue();
        assertThat(cluster.sentence()).isEqualTo("3/3 healthy, tolerates 1 failure");
        assertThat(cluster.members()).extracting(m -> m.endpoint())
                .containsExactly("https://127.77.0.1:2379", "https://127.77.0.2:2379", "https://127.77.0.3:2379");
        assertThat(cluster.leader()).isPresent();
        firstIds = memberIds(cluster);
        assertThat(Files.readString(sandbox.inventoryFile())).contains("cluster_name: sandbox");
    }

    @Test
    @Order(2)
    void startingAgainChangesNothing() {
        RunResult again = run(sandbox.startPlan());

        assertThat(again.succeeded()).isTrue();
        assertThat(again.summary().changed()).isZero();
    }

    @Test
    @Order(3)
    void stopKeepsTheDataAndAStartComesBackOnIt() throws Exception {
        RunResult stopped = run(sandbox.stopPlan());
        assertThat(stopped.succeeded()).isTrue();
        assertThat(sandbox.status(Duration.ofSeconds(1)).sentence()).isEqualTo("not running");
        SandboxMember first = SandboxLayout.MEMBERS.get(0);
        assertThat(sandbox.layout().dataDir(first).resolve("member")).isDirectory();

        RunResult restarted = run(sandbox.startPlan());

        assertThat(restarted.succeeded()).as(restarted.failures().toString()).isTrue();
        ClusterStatus after = sandbox.status(Duration.ofSeconds(3)).cluster().orElseThrow();
        assertThat(after.healthy()).isTrue();
        assertThat(memberIds(after)).as("the same cluster, not a new one").isEqualTo(firstIds);
    }

    @Test
    @Order(4)
    void resetStopsAndMovesTheDataAside() throws Exception {
        RunResult reset = run(sandbox.resetPlan());

        assertThat(reset.succeeded()).as(reset.failures().toString()).isTrue();
        SandboxMember first = SandboxLayout.MEMBERS.get(0);
        assertThat(sandbox.layout().dataDir(first)).doesNotExist();
        try (Stream<Path> files = Files.list(sandbox.layout().memberDir(first))) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertThat(names).anyMatch(n -> n.startsWith("data.reset-"));
        }
        assertThat(sandbox.status(Duration.ofSeconds(1)).runningCount()).isZero();
    }
}
