package dev.quorum.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** The CLI for lab tests of other packages: one command with its Quorum home, its exit status and output. */
public final class QuorumCli {
    private QuorumCli() {
    }

    public record Result(int exit, String out, String err) {
    }

    /** {@code quorum ARGS...} with {@code quorum.home} pointed at {@code home} for the call. */
    public static synchronized Result run(Path home, String... args) {
        String previous = System.getProperty("quorum.home");
        System.setProperty("quorum.home", home.toString());
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = QuorumCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Result(exit, out.toString(), err.toString());
        } finally {
            if (previous == null) {
                System.clearProperty("quorum.home");
            } else {
                System.setProperty("quorum.home", previous);
            }
        }
    }
}
