package dev.quorum.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A command run as its own process, timed from fork to its first line of output and to its exit. */
final class TimedProcess {
    private TimedProcess() {
    }

    record Result(int exit, String output, double firstLineSeconds, double totalSeconds) {
    }

    /** Runs with {@code QUORUM_HOME} set, so the processes share one workstation store. */
    record Env(Path home) {
        Result run(Path executable, String command, List<String> args) throws Exception {
            List<String> line = new ArrayList<>(List.of(executable.toString(), command));
            line.addAll(args);
            return time(line, home);
        }

        Result run(Path executable, String command, String flag1, String flag2, List<String> args) throws Exception {
            List<String> more = new ArrayList<>(List.of(flag1, flag2));
            more.addAll(args);
            return run(executable, command, more);
        }

        Result runJava(Path jar, String command, List<String> args) throws Exception {
            List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), command));
            line.addAll(args);
            return time(line, home);
        }
    }

    static Result time(List<String> command, Path home) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("QUORUM_HOME", home.toString());
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        long first = -1;
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String text;
            while ((text = reader.readLine()) != null) {
                if (first < 0) {
                    first = System.nanoTime();
                }
                out.append(text).append('\n');
            }
        }
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("still running after 300 s: " + command);
        }
        long end = System.nanoTime();
        return new Result(process.exitValue(), out.toString(), seconds(start, first < 0 ? end : first), seconds(start, end));
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
