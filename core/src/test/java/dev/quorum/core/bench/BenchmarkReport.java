package dev.quorum.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One section of docs/benchmarks.md: replaced in place when the same benchmark runs again, so
 * the file always shows every benchmark's latest figures.
 */
final class BenchmarkReport {
    private final String title;
    private final int rounds;
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    BenchmarkReport(String title, int rounds) {
        this.title = title;
        this.rounds = rounds;
    }

    BenchmarkReport row(String what, List<Long> millis, String goal) {
        List<Long> sorted = millis.stream().sorted().toList();
        rows.add(String.format(Locale.ROOT, "| %s | %.2f s | %.2f s | %.2f s | %s |", what,
                sorted.get(sorted.size() / 2) / 1000.0, sorted.get(0) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0,
                goal));
        return this;
    }

    /** Markdown written after the table, inside the section (so it is replaced with it). */
    BenchmarkReport note(String markdown) {
        notes.add(markdown);
        return this;
    }

    void write(Path file) throws IOException {
        String begin = "<!-- bench:" + title + " -->";
        String end = "<!-- /bench:" + title + " -->";
        String section = begin + "\n## " + title + "\n\n"
                + "Measured " + LocalDate.now() + " on " + Machine.describe() + "; " + rounds + " rounds.\n\n"
                + "| what | median | min | max | goal |\n|---|---|---|---|---|\n"
                + String.join("\n", rows) + "\n"
                + notes.stream().map(n -> "\n" + n.strip() + "\n").reduce("", String::concat) + end;
        String text = Files.exists(file) ? Files.readString(file) : header();
        Matcher existing = Pattern.compile(Pattern.quote(begin) + ".*?" + Pattern.quote(end), Pattern.DOTALL)
                .matcher(text);
        text = existing.find() ? existing.replaceFirst(Matcher.quoteReplacement(section)) : text + "\n" + section + "\n";
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String header() {
        return """
                # Benchmarks

                Written by the benchmarks themselves; re-run them to refresh a section:

                    sudo mvn -Pbench -pl core -am verify

                They boot lab hosts (network namespaces on this machine, see `lab/`), so they need root.
                Times are wall-clock, measured in the JVM around the plan run (first SSH connection to
                a verified cluster); the CLI's JVM start (~0.5 s) is not included.
                """;
    }
}
