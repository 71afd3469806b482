package dev.quorum.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A command run as its own process, timed from fork to each line of its output (stamped as it is read) and to its
 * exit: what a user waits for before the command says anything, while it works, and after its last word.
 */
final class TimedProcess {
    private TimedProcess() {
    }

    /** {@code lineSeconds}: when each line of {@code output} was read, seconds after the fork. */
    record Result(int exit, String output, List<Double> lineSeconds, double totalSeconds) {
        /** Fork to the first line (to the exit when there was none). */
        double firstLineSeconds() {
            return lineSeconds.isEmpty() ? totalSeconds : lineSeconds.get(0);
        }

        /** Fork to the last line (to the exit when there was none). */
        double lastLineSeconds() {
            return lineSeconds.isEmpty() ? totalSeconds : lineSeconds.get(lineSeconds.size() - 1);
        }

        /** The output with each line's time after the fork in front, for a look at where a run waited. */
        String timeline() {
            List<String> lines = output.lines().toList();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                text.append(String.format(Locale.ROOT, "%7.3f %s%n", lineSeconds.get(i), lines.get(i)));
            }
            return text.append(String.format(Locale.ROOT, "%7.3f (exit %d)%n", totalSeconds, exit)).toString();
        }
    }

    /**
     * Runs with {@code QUORUM_HOME} set, so the processes share one workstation store; {@code javaOptions} (a look
     * at one run, e.g. {@code -Xlog:startuptime}) go to {@code java -jar} and, as {@code QUORUM_JAVA_OPTS}, to the
     * launcher.
     */
    record Env(Path home, List<String> javaOptions) {
        Env(Path home) {
            this(home, List.of());
        }

        Result run(Path executable, String command, List<String> args) throws Exception {
            List<String> line = new ArrayList<>(List.of(executable.toString(), command));
            line.addAll(args);
            return time(line, this);
        }

        Result run(Path executable, String command, String flag1, String flag2, List<String> args) throws Exception {
            List<String> more = new ArrayList<>(List.of(flag1, flag2));
            more.addAll(args);
            return run(executable, command, more);
        }

        Result runJava(Path jar, String command, List<String> args) throws Exception {
            List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            line.addAll(javaOptions);
            line.addAll(List.of("-jar", jar.toString(), command));
            line.addAll(args);
            return time(line, this);
        }
    }

    static Result time(List<String> command, Env env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("QUORUM_HOME", env.home().toString());
        if (!env.javaOptions().isEmpty()) {
            builder.environment().put("QUORUM_JAVA_OPTS", String.join(" ", env.javaOptions()));
        }
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        List<Double> lineSeconds = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String text;
            while ((text = reader.readLine()) != null) {
                lineSeconds.add(seconds(start, System.nanoTime()));
                out.append(text).append('\n');
            }
        }
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("still running after 300 s: " + command);
        }
        long end = System.nanoTime();
        return new Result(process.exitValue(), out.toString(), List.copyOf(lineSeconds), seconds(start, end));
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
