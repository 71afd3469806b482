package dev.quorum.installer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external command with a deadline; output goes to files, so a chatty command cannot block. */
final class Cmd {
    record Result(List<String> command, int exit, String out, String err, long millis) {
        boolean ok() {
            return exit == 0;
        }

        /** For assertion messages: what ran, how it ended, and what it said. */
        String describe() {
            return String.join(" ", command) + " -> exit " + exit + " in " + millis + " ms\n--- stdout\n" + out
                    + "\n--- stderr\n" + err;
        }
    }

    private Cmd() {
    }

    static Result run(Duration timeout, String... command) {
        return run(timeout, Map.of(), List.of(command));
    }

    /** Runs {@code command} with {@code env} added; exit -1 (and the process tree killed) on timeout. */
    static Result run(Duration timeout, Map<String, String> env, List<String> command) {
        long started = System.nanoTime();
        try {
            File out = File.createTempFile("cmd-", ".out");
            File err = File.createTempFile("cmd-", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out).redirectError(err)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                pb.environment().putAll(env);
                Process p = pb.start();
                int exit;
                if (p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    exit = p.exitValue();
                } else {
                    kill(p);
                    exit = -1;
                }
                return new Result(command, exit, Files.readString(out.toPath()),
                        Files.readString(err.toPath()) + (exit == -1 ? "\n(killed after " + timeout + ")" : ""),
                        (System.nanoTime() - started) / 1_000_000);
            } finally {
                Files.deleteIfExists(out.toPath());
                Files.deleteIfExists(err.toPath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    /** Ends a process and everything it started (the launcher forks nothing, Xvfb neither, but be sure). */
    static void kill(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
