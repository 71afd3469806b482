package dev.quorum.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Starts the installed app on a display and waits, bounded, for its main window. */
final class AppWindow {
    static final String TITLE = "Quorum";
    /** Smaller than the app's minimum window, larger than any helper window. */
    static final int MIN_SIZE = 200;

    private AppWindow() {
    }

    /** Milliseconds from start to a mapped window titled "Quorum"; fails if the app dies or the time runs out. */
    static long timeToWindow(Path command, XvfbDisplay x, Map<String, String> env, Path log, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("DISPLAY", x.display());
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Process app = pb.start();
        try {
            while (System.nanoTime() < deadline) {
                if (x.hasWindowTitled(TITLE, MIN_SIZE)) {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    assertThat(app.isAlive()).as("the app keeps running with its window open").isTrue();
                    return millis;
                }
                assertThat(app.isAlive()).as("the app exited (" + (app.isAlive() ? "" : app.exitValue()) + ") before a window: "
                        + Files.readString(log)).isTrue();
                Thread.sleep(250);
            }
            throw new AssertionError("no window titled \"" + TITLE + "\" on " + x.display() + " within " + timeout
                    + "; app output: " + Files.readString(log));
        } finally {
            Cmd.kill(app);
        }
    }
}
