package dev.quorum.core.standin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code sh} that finds stand-in commands (a {@code systemctl} above all) first on its PATH, so the scripts
 * Quorum sends to hosts run on local files in a test, without root, systemd or a lab host.
 */
public final class LocalShell {
    private static final long TIMEOUT_SECONDS = 20;

    /** What one run left: its exit code and both streams, whole. */
    public record Ran(int exit, String stdout, String stderr) {
    }

    private final Path bin;
    private final Map<String, String> env = new HashMap<>();

    private LocalShell(Path bin) {
        this.bin = bin;
    }

    /** A shell whose stand-ins live in {@code dir/bin}. */
    public static LocalShell in(Path dir) throws IOException {
        return new LocalShell(Files.createDirectories(dir.resolve("bin")));
    }

    /** Puts (or replaces) a stand-in command: a shell script, from its first line. */
    public LocalShell standIn(String command, String script) throws IOException {
        Path file = Files.writeString(bin.resolve(command), script.startsWith("#!") ? script : "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return this;
    }

    /** An environment variable every later run sees. */
    public LocalShell env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Ran run(String command) throws Exception {
        return run(command, Map.of());
    }

    /** Runs {@code sh -c command} with the stand-ins first on PATH; fails when it outlasts 20 s. */
    public Ran run(String command, Map<String, String> extraEnv) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().putAll(env);
        builder.environment().putAll(extraEnv);
        Process process = builder.start();
        // both streams read while it runs: a full pipe would block the script
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("sh -c did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        return new Ran(process.exitValue(), out.get(TIMEOUT_SECONDS, TimeUnit.SECONDS),
                err.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
