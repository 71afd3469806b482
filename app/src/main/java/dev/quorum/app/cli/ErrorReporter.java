package dev.quorum.app.cli;

import dev.quorum.core.ActionableError;
import picocli.CommandLine;

/**
 * Turns an error into one line on stderr ("quorum: what is wrong") and, where known, a second
 * line saying what to do. The stack trace only with QUORUM_DEBUG set: it is for bugs, not for the user.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        var err = commandLine.getErr();
        err.println("quorum: " + oneLine(e));
        String hint = e instanceof ActionableError actionable ? actionable.hint() : "";
        if (!hint.isBlank()) {
            err.println("  what to do: " + hint);
        }
        if (System.getenv("QUORUM_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FAILED;
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.strip();
    }
}
