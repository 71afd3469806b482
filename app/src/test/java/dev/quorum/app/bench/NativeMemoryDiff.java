package dev.quorum.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a JVM's committed memory went between two moments, by the JVM's own accounting (Native Memory Tracking,
 * {@code -XX:NativeMemoryTracking=summary}): a baseline, then {@code VM.native_memory summary.diff}. Attributes a
 * resident-set growth to the heap, class metadata, compiled code, threads, GC structures or malloc'd memory.
 */
final class NativeMemoryDiff {
    static final String OPTION = "-XX:NativeMemoryTracking=summary";
    /** "-  Java Heap (reserved=..KB, committed=123KB +45KB)": a category, its committed size and change. */
    private static final Pattern CATEGORY = Pattern.compile(
            "^-\\s+(.+?) \\(reserved=\\d+KB(?: [+-]\\d+KB)?, committed=(\\d+)KB(?: ([+-]\\d+)KB)?\\)", Pattern.MULTILINE);
    private static final Pattern TOTAL = Pattern.compile(
            "^Total: reserved=\\d+KB(?: [+-]\\d+KB)?, committed=(\\d+)KB(?: ([+-]\\d+)KB)?", Pattern.MULTILINE);

    private NativeMemoryDiff() {
    }

    static void baseline(long pid) throws Exception {
        jcmd(pid, "VM.native_memory", "baseline");
    }

    /** The committed total and the categories that changed by at least 1 MiB since the baseline, largest first. */
    static String since(long pid) throws Exception {
        return describe(jcmd(pid, "VM.native_memory", "summary.diff"));
    }

    static String describe(String diff) {
        List<String[]> changed = new ArrayList<>();
        Matcher category = CATEGORY.matcher(diff);
        while (category.find()) {
            long delta = category.group(3) == null ? 0 : Long.parseLong(category.group(3));
            if (Math.abs(delta) >= 1024) {
                changed.add(new String[] {category.group(1).trim(), Long.toString(delta)});
            }
        }
        changed.sort(Comparator.comparingLong(c -> -Math.abs(Long.parseLong(c[1]))));
        Matcher total = TOTAL.matcher(diff);
        String head = total.find() ? String.format(Locale.ROOT, "committed %.1f MiB (%+.1f MiB)",
                Long.parseLong(total.group(1)) / 1024.0, total.group(2) == null ? 0.0
                        : Long.parseLong(total.group(2)) / 1024.0) : "no total in the diff";
        List<String> parts = changed.stream().map(c -> String.format(Locale.ROOT, "%s %+.1f", c[0],
                Long.parseLong(c[1]) / 1024.0)).toList();
        return head + (parts.isEmpty() ? "; no category moved by 1 MiB" : "; by category (MiB): "
                + String.join(", ", parts));
    }

    private static String jcmd(long pid, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        return JdkTool.run(line);
    }
}
