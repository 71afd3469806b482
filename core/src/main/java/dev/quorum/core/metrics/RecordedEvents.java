package dev.quorum.core.metrics;

import dev.quorum.core.engine.RunLog;
import dev.quorum.core.known.KnownCluster;
import dev.quorum.core.known.KnownClusters;
import dev.quorum.core.known.LastRun;
import dev.quorum.core.workspace.QuorumHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The timeline's events this workstation wrote down: Quorum's own runs (the run logs in
 * {@code ~/.quorum/clusters/NAME/runs}) and the soonest certificate expiry in the cluster's pki folder. Files only,
 * bounded: the {@link #MAX_RUNS} newest logs of up to 4 MiB each. Blocking: off the UI thread.
 */
public final class RecordedEvents {
    static final int MAX_RUNS = 20;
    static final long MAX_RUN_LOG_BYTES = 4L << 20;

    private RecordedEvents() {
    }

    /** The runs started since {@code since}; a log that cannot be read is left out (the Tasks tab says why). */
    public static List<TimelineEvent> runs(QuorumHome home, String cluster, Instant since) throws IOException {
        Path dir = home.runs(cluster);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> newest;
        try (Stream<Path> listing = Files.list(dir)) {
            newest = listing.filter(f -> f.getFileName().toString().endsWith(".jsonl"))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
                    .limit(MAX_RUNS).toList();
        }
        List<TimelineEvent> events = new ArrayList<>();
        for (Path log : newest) {
            try {
                if (Files.size(log) <= MAX_RUN_LOG_BYTES) {
                    LastRun.of(RunLog.read(log)).filter(run -> !run.started().isBefore(since))
                            .ifPresent(run -> events.add(new TimelineEvent(run.started(), TimelineEvent.Kind.RUN,
                                    "Quorum ran " + run.lifecycle() + ": " + run.outcome()
                                            .map(o -> o.name().toLowerCase(Locale.ROOT)).orElse("running, or did not finish"))));
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable log is no event here
            }
        }
        return events;
    }

    /** The soonest certificate expiry of the cluster's workstation pki folder, if any. */
    public static List<TimelineEvent> certificateExpiry(QuorumHome home, String cluster, Instant now)
            throws IOException {
        return new KnownClusters(home).list().stream().filter(k -> k.name().equals(cluster))
                .flatMap(k -> k.soonestExpiry().stream())
                .map(e -> new TimelineEvent(e.notAfter(), TimelineEvent.Kind.CERTIFICATE_EXPIRY,
                        e.file() + " expires" + (e.notAfter().isBefore(now) ? " (expired)" : " in "
                                + Duration.between(now, e.notAfter()).toDays() + " days")))
                .toList();
    }
}
