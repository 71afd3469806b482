package dev.quorum.app.tasks;

import dev.quorum.core.engine.report.LogLine;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunLog;
import dev.quorum.core.engine.report.RunLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The runs of one cluster, read back from {@code ~/.quorum/clusters/NAME/runs/*.jsonl} (the
 * engine's {@link RunLog}). Blocking file reads: call from the background.
 */
public final class RunHistory {
    private final Path runsDir;

    public RunHistory(Path runsDir) {
        this.runsDir = runsDir;
    }

    /** Newest first. A run whose log cannot be read is listed with the reason. */
    public List<RunEntry> list() throws IOException {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(runsDir)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".jsonl"))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed()).toList();
        }
        List<RunEntry> entries = new ArrayList<>();
        for (Path file : files) {
            entries.add(RunEntry.of(file));
        }
        return entries;
    }

    /** A run's lines, as the live log showed them. */
    public static List<LogLine> lines(Path file) throws IOException {
        RunLines converter = new RunLines();
        List<LogLine> lines = new ArrayList<>();
        for (RunEvent event : RunLog.read(file)) {
            converter.of(event).ifPresent(lines::add);
        }
        return lines;
    }

    /** One run in the list: its file, what ran, and how it ended (if it did). */
    public record RunEntry(Path file, String lifecycle, String started, Optional<String> outcome) {
        static RunEntry of(Path file) {
            String name = file.getFileName().toString().replace(".jsonl", "");
            try {
                List<RunEvent> events = RunLog.read(file);
                String lifecycle = events.stream().filter(e -> e instanceof RunEvent.RunStarted)
                        .map(e -> ((RunEvent.RunStarted) e).lifecycle()).findFirst().orElse(name);
                String started = events.isEmpty() ? "" : events.get(0).time().toString();
                Optional<String> outcome = events.stream().filter(e -> e instanceof RunEvent.RunFinished)
                        .map(e -> ((RunEvent.RunFinished) e).outcome().name().toLowerCase(java.util.Locale.ROOT))
                        .findFirst();
                return new RunEntry(file, lifecycle, started, outcome);
            } catch (IOException | RuntimeException e) {
                return new RunEntry(file, name, "", Optional.of("unreadable: " + e.getMessage()));
            }
        }

        @Override
        public String toString() {
            return lifecycle + "  " + started.replace('T', ' ').replaceAll("\\.\\d+Z$", "Z") + "  "
                    + outcome.orElse("did not finish");
        }
    }
}
