package dev.quorum.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.workspace.QuorumHome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real run per cluster at a time from a workstation, across the CLI, the app and their threads. */
class RunLockTest {
    @TempDir
    Path dir;

    private QuorumHome home() {
        return new QuorumHome(dir.resolve("home"));
    }

    @Test
    void aSecondRunOfThisProcessOnTheSameClusterIsRefusedNamingTheFirstUntilItEnds() {
        QuorumHome home = home();
        try (RunLock first = RunLock.acquire(home, new Plan("replace", "prod", List.of()))) {
            assertThatThrownBy(() -> RunLock.acquire(home, new Plan("remove", "prod", List.of())))
                    .isInstanceOf(RunLockedException.class)
                    .hasMessageStartingWith("another Quorum run is changing cluster prod from this workstation (replace, "
                            + "started ")
                    .hasMessageContaining("by process " + ProcessHandle.current().pid())
                    .hasMessageEndingWith("this remove did not start, nothing was changed")
                    .satisfies(e -> assertThat(((RunLockedException) e).hint()).startsWith("wait until that run has finished"));
            RunLock.acquire(home, new Plan("backup-run", "staging", List.of())).close();
        }
        RunLock.acquire(home, new Plan("remove", "prod", List.of())).close();
    }

    @Test
    void aRunRefusedByTheLockStartsNothingAndLeavesNoRunLog() {
        QuorumHome home = home();
        FakeStep step = new FakeStep("touch");
        List<RunEvent> events = new ArrayList<>();
        try (RunLock held = RunLock.acquire(home, new Plan("upgrade", "prod", List.of()))) {
            Plan plan = new Plan("defrag", "prod", List.of(PlannedStep.onEach(step, List.of("h1"))));
            assertThatThrownBy(() -> PlanRuns.apply(home, plan, events::add, new Cancellation()))
                    .isInstanceOf(RunLockedException.class);
        }
        assertThat(events).isEmpty();
        assertThat(step.applies).hasValue(0);
        assertThat(home.runs("prod")).doesNotExist();
    }

    @Test
    void anotherProcesssLockRefusesUntilThatProcessDiesWhichFreesItWithoutCleanUp() throws Exception {
        QuorumHome home = home();
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), RunLockHoldingProcess.class.getName(), home.root().toString(),
                "prod").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("held");

            assertThatThrownBy(() -> RunLock.acquire(home, new Plan("remove", "prod", List.of())))
                    .isInstanceOf(RunLockedException.class)
                    .hasMessageContaining("(upgrade, started ").hasMessageContaining("by process " + other.pid() + ")");
        } finally {
            other.destroyForcibly();
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        // killed, not closed: the OS dropped its lock, the file saying who held it is still there
        assertThat(home.cluster("prod").resolve("run.lock")).exists();
        RunLock.acquire(home, new Plan("remove", "prod", List.of())).close();
    }
}
