package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.RunLock;
import dev.quorum.core.engine.RunLockedException;
import dev.quorum.core.workspace.QuorumHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A command whose cluster another run is changing: refused in two lines, before any step, with no run log. */
class PlanExecutionLockTest {
    @TempDir
    Path dir;

    @Test
    void aRunWhileTheAppChangesTheSameClusterIsRefusedSayingWhatToDo() {
        QuorumHome home = new QuorumHome(dir);
        StringWriter printed = new StringWriter();
        StringWriter errors = new StringWriter();
        CommandLine command = new CommandLine(CommandLine.Model.CommandSpec.create());
        command.setErr(new PrintWriter(errors, true));
        PlanExecution execution = new PlanExecution(new PrintWriter(printed, true), home);

        int exit;
        try (RunLock app = RunLock.acquire(home, new Plan("replace", "prod", List.of()))) {
            RunLockedException refused = assertThrows(RunLockedException.class,
                    () -> execution.apply(new Plan("remove", "prod", List.of()), true));
            exit = new ErrorReporter().handleExecutionException(refused, command, null);
        }

        assertThat(exit).isEqualTo(ExitCodes.FAILED);
        assertThat(errors.toString()).startsWith("quorum: another Quorum run is changing cluster prod from this "
                + "workstation (replace, started ").contains("this remove did not start, nothing was changed\n"
                + "  what to do: wait until that run has finished (or cancel it where it runs), then start this one again");
        assertThat(printed.toString()).doesNotContain("Run log:");
        assertThat(home.runs("prod")).doesNotExist();
    }
}
