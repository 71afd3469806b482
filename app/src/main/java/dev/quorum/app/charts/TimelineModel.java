package dev.quorum.app.charts;

import dev.quorum.core.metrics.TimelineEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The timeline's events, oldest first, each once: leader changes (metrics and status), member changes, alarms,
 * Quorum's runs and certificate expiry ahead. Bounded: at most {@link #MAX_EVENTS}, past ones dropped when older
 * than the charts keep (expiry ahead stays). UI thread only.
 */
public final class TimelineModel {
    public static final int MAX_EVENTS = 200;

    private final ObservableList<TimelineEvent> events = FXCollections.observableArrayList();

    public void add(Collection<TimelineEvent> more) {
        if (more.isEmpty()) {
            return;
        }
        Set<TimelineEvent> all = new LinkedHashSet<>(events);
        all.addAll(more);
        List<TimelineEvent> sorted = all.stream().sorted(Comparator.comparing(TimelineEvent::at)).toList();
        // the oldest go first when over the bound; those ahead (expiry) are the last to go
        events.setAll(sorted.subList(Math.max(0, sorted.size() - MAX_EVENTS), sorted.size()));
    }

    /** Replaces the events of one kind (re-read from files: runs, certificates) by these. */
    public void replace(TimelineEvent.Kind kind, Collection<TimelineEvent> current) {
        events.removeIf(e -> e.kind() == kind);
        add(current);
    }

    void expire(Instant before) {
        events.removeIf(e -> e.at().isBefore(before));
    }

    public ObservableList<TimelineEvent> events() {
        return events;
    }
}
