package dev.quorum.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docs/benchmarks-app.md (or another page of docs/): one section per benchmark, replaced in place when it runs again. */
final class AppBenchmarkReport {
    private final String page;
    private final String title;
    private final String method;
    private final List<String> rows = new ArrayList<>();
    private final StringBuilder tables = new StringBuilder();

    AppBenchmarkReport(String title, String method) {
        this("benchmarks-app.md", title, method);
    }

    AppBenchmarkReport(String page, String title, String method) {
        this.page = page;
        this.title = title;
        this.method = method;
    }

    AppBenchmarkReport row(String what, String figures, String note) {
        rows.add("| " + what + " | " + figures + " | " + note + " |");
        return this;
    }

    /** A second table under the figures, e.g. every round's own numbers. */
    AppBenchmarkReport table(String heading, List<String> columns, List<List<String>> cells) {
        tables.append("\n\n").append(heading).append("\n\n| ").append(String.join(" | ", columns)).append(" |\n|")
                .append("---|".repeat(columns.size()));
        cells.forEach(row -> tables.append("\n| ").append(String.join(" | ", row)).append(" |"));
        return this;
    }

    void write() throws IOException {
        Path file = Path.of(System.getProperty("quorum.docs", "../docs")).resolve(page);
        String begin = "<!-- bench:" + title + " -->";
        String end = "<!-- /bench:" + title + " -->";
        String section = begin + "\n## " + title + "\n\nMeasured " + LocalDate.now() + " on " + machine() + ". "
                + method + "\n\n| what | figures | note |\n|---|---|---|\n" + String.join("\n", rows) + tables + "\n" + end;
        String text = Files.exists(file) ? Files.readString(file) : """
                # Desktop app benchmarks

                Written by `app/src/test/java/dev/quorum/app/bench/AppBenchmark.java`; refresh with

                    mvn -B -pl app -am verify -Pbench -Dtest=AppBenchmark -Dsurefire.failIfNoSpecifiedTests=false

                Headless figures use JavaFX's Monocle with software rendering (as the tests do); "X11" ones a
                real GTK window on Xvfb. The machine is shared with other builds, so outliers are real.
                """;
        Matcher existing = Pattern.compile(Pattern.quote(begin) + ".*?" + Pattern.quote(end), Pattern.DOTALL).matcher(text);
        text = existing.find() ? existing.replaceFirst(Matcher.quoteReplacement(section)) : text + "\n" + section + "\n";
        Files.writeString(file, text);
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException e) {
            // keep "unknown CPU"
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), Java " + System.getProperty("java.version");
    }
}
