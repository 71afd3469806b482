package dev.quorum.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a JDK tool (jstat, jcmd) against an app and returns what it printed, in bounded time: its output goes to a
 * file (no pipe to read until an end that may not come), its stdin is closed, and one that has not ended after
 * 30 s is killed, so no tool outlives the benchmark's JVM.
 */
final class JdkTool {
    static final long TIMEOUT_SECONDS = 30;

    private JdkTool() {
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("quorum-bench-tool", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                throw new IllegalStateException(String.join(" ", command) + ": still running after " + TIMEOUT_SECONDS
                        + " s, killed: " + Files.readString(out));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " (exit " + process.exitValue() + "): "
                        + Files.readString(out));
            }
            return Files.readString(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
