package dev.quorum.app.tasks;

import dev.quorum.core.engine.report.LogLine;
import dev.quorum.core.engine.PlanRuns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real plan through the engine and PlanRuns writes a run log; the history reads it back as the live log showed it. */
class RunHistoryTest {
    @TempDir
    Path home;

    static final class WriteFileStep implements Step {
        private final Path file;

        WriteFileStep(Path file) {
            this.file = file;
        }

        @Override
        public String title() {
            return "Write the marker file";
        }

        @Override
        public List<String> preview(String target) {
            return List.of("touch " + file);
        }

        @Override
        public Check check(StepContext context) {
            return Files.exists(file) ? Check.done("present") : Check.needed("missing");
        }

        @Override
        public void apply(StepContext context) throws Exception {
            Files.writeString(file, "x");
            context.info("wrote " + file.getFileName());
        }
    }

    @Test
    void runsAreListedNewestFirstWithTheirOutcomeAndLines() throws Exception {
        QuorumHome quorumHome = new QuorumHome(home);
        Plan plan = new Plan("marker", "c1", List.of(PlannedStep.onEach(new WriteFileStep(home.resolve("m")), List.of("h1"))));
        LogFeed live = new LogFeed(100);
        PlanRuns.apply(quorumHome, plan, live, new Cancellation());
        Thread.sleep(5); // the file names carry milliseconds
        PlanRuns.apply(quorumHome, plan, event -> { }, new Cancellation());

        List<RunHistory.RunEntry> runs = new RunHistory(quorumHome.runs("c1")).list();

        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).file().getFileName().toString()).isGreaterThan(runs.get(1).file().getFileName().toString());
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.lifecycle()).isEqualTo("marker");
            assertThat(r.outcome()).contains("succeeded");
        });
        List<LogLine> first = RunHistory.lines(runs.get(1).file());
        assertThat(first).extracting(LogLine::formatted).contains("[h1] Write the marker file: wrote m",
                "[h1] Write the marker file: changed (before: missing)");
        assertThat(first).extracting(LogLine::formatted).isEqualTo(live.drain().stream().map(LogLine::formatted).toList());
    }
}
