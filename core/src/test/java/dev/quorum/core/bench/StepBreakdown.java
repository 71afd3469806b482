package dev.quorum.core.bench;

import dev.quorum.core.engine.RunEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the time of one timed plan went, over rounds: the plan's build (reading the cluster, before the
 * run starts) and each step from its start to its last target's end, wall-clock. A step that started before the
 * one before it ended ran alongside it; the table says so. Also the machine's load while it ran.
 */
final class StepBreakdown {
    private final List<Long> build = new ArrayList<>();
    private final Map<Integer, List<Long>> steps = new TreeMap<>();
    private final Map<Integer, String> titles = new HashMap<>();
    private final Map<Integer, Boolean> overlapped = new HashMap<>();
    private final List<String> loads = new ArrayList<>();
    private final List<CpuTime> cpu = new ArrayList<>();

    void add(List<RunEvent> events, long totalMillis, CpuTime spent) {
        cpu.add(spent);
        Map<Integer, Instant> started = new HashMap<>();
        Map<Integer, Instant> finished = new HashMap<>();
        for (RunEvent event : events) {
            if (event instanceof RunEvent.StepStarted s) {
                started.put(s.step(), s.time());
                titles.put(s.step(), s.title());
            } else if (event instanceof RunEvent.TargetFinished f) {
                // its last target's end: a step run alongside is reported (StepFinished) only after the one before
                finished.merge(f.step(), f.time(), (a, b) -> a.isAfter(b) ? a : b);
            } else if (event instanceof RunEvent.RunFinished r) {
                build.add(totalMillis - r.took().toMillis());
            }
        }
        started.forEach((step, start) -> {
            Instant end = finished.get(step);
            if (end != null) {
                steps.computeIfAbsent(step, k -> new ArrayList<>()).add(Duration.between(start, end).toMillis());
                Instant before = finished.get(step - 1);
                if (before != null && start.isBefore(before)) {
                    overlapped.put(step, true);
                }
            }
        });
        loads.add(loadAverage());
    }

    /** The 1-, 5- and 15-minute load averages now, as /proc/loadavg gives them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** A markdown table: median, min and max per step, in plan order. */
    String table(String what) {
        StringBuilder text = new StringBuilder("Where the time of \"" + what + "\" went (wall-clock per step, "
                + "step titles from the last round; load average 1 / 5 / 15 min after each round: "
                + String.join("; ", loads) + " on " + Runtime.getRuntime().availableProcessors() + " cores):\n\n"
                + "| step | median | min | max |\n|---|---|---|---|\n");
        text.append(cpuRow(totalCores()));
        text.append(row("build the plan (read the member list; waits out a silent member's 2 s probe)", build));
        steps.forEach((step, millis) -> text.append(row(step + ". " + titles.get(step)
                + (overlapped.getOrDefault(step, false) ? " (alongside the step before)" : ""), millis)));
        return text.toString();
    }

    private static int totalCores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** CPU spent per round, so that a reader can tell a run that waited from one the cores could not go faster. */
    private String cpuRow(int cores) {
        StringBuilder text = new StringBuilder("| CPU per round: the machine's busy core-seconds (of which this JVM) |");
        for (CpuTime spent : cpu) {
            text.append(String.format(Locale.ROOT, " %.1f (%.1f);", spent.machineSeconds(), spent.jvmSeconds()));
        }
        text.setLength(text.length() - 1);
        return text.append(String.format(Locale.ROOT, " | on %d cores | |%n", cores)).toString();
    }

    private static String row(String what, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return String.format(Locale.ROOT, "| %s | %.2f s | %.2f s | %.2f s |%n", what,
                sorted.get(sorted.size() / 2) / 1000.0, sorted.get(0) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
    }
}
