package dev.quorum.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs local commands with a hard timeout, capturing stdout and stderr without deadlocks. */
final class Commands {

    /** Lab scripts and nsenter'd commands get a predictable PATH, not the caller's. */
    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private Commands() {
    }

    static ExecResult run(List<String> argv, long timeoutSeconds) {
        return run(argv, timeoutSeconds, null, null);
    }

    /** Feeds either {@code stdinFile} or {@code stdinBytes} (or nothing) to the command. */
    static ExecResult run(List<String> argv, long timeoutSeconds, Path stdinFile, byte[] stdinBytes) {
        ProcessBuilder pb = new ProcessBuilder(argv);
        Map<String, String> env = pb.environment();
        env.put("PATH", PATH);
        env.put("LANG", "C.UTF-8");
        if (stdinFile != null) {
            pb.redirectInput(stdinFile.toFile());
        }
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + argv, e);
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        feed(process.getOutputStream(), stdinFile == null ? stdinBytes : null);
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + argv);
            }
            return new ExecResult(process.exitValue(), out.get(10, TimeUnit.SECONDS),
                    err.get(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + argv, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot read output of " + argv, e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (in) {
                result.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        }, "quorum-lab-drain");
        t.setDaemon(true);
        t.start();
        return result;
    }

    private static void feed(OutputStream stdin, byte[] bytes) {
        if (bytes == null) {
            closeQuietly(stdin);
            return;
        }
        Thread t = new Thread(() -> {
            try (stdin) {
                stdin.write(bytes);
            } catch (IOException e) {
                // the command exited without reading all input; its exit code tells the story
            }
        }, "quorum-lab-feed");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(OutputStream s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to do: the process may already be gone
        }
    }

    /** Single-quotes a word for /bin/sh. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
