package dev.quorum.app.charts;

import dev.quorum.app.backups.Ticker;
import dev.quorum.app.common.ErrorWords;
import dev.quorum.app.common.TaskExecutor;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.metrics.LinePoints;
import dev.quorum.core.metrics.StatusChanges;
import dev.quorum.core.metrics.MemberScrape;
import dev.quorum.core.metrics.MetricSeries;
import dev.quorum.core.metrics.MetricsHistory;
import dev.quorum.core.metrics.TimelineEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * The Charts tab's state: one line per member in each metric's chart, over the chosen range (x: epoch seconds),
 * fed by a scrape of every member every {@link #PERIOD} while the cluster is open, and the timeline's events.
 * The scrape runs on the app's executor; its answer is applied here on the UI thread in one go (one
 * {@code runLater} per scrape). Core's {@link MetricsHistory} keeps the hour in preallocated rings; each line is
 * redrawn from it after every scrape as at most {@link #LINE_POINTS} points (a long range downsampled), written
 * over the line's existing {@code XYChart.Data}: the lines' memory does not grow with the hour or the range
 * (decision 0053). UI thread only.
 */
public final class ChartsViewModel {
    public static final Duration PERIOD = Duration.ofSeconds(10);
    /** The run logs and certificates are files here: read again every this many scrapes (a minute). */
    static final int RECORDED_EVERY = 6;
    /** The most points one line holds: the 15-minute range's 90 in full, longer ones downsampled (a chart is ~500 px wide). */
    public static final int LINE_POINTS = 120;

    private final TaskExecutor executor;
    private final MetricsSource source;
    private final Clock clock;
    private final ZoneId zone;
    private final MetricsHistory history = new MetricsHistory(MetricsHistory.pointsFor(PERIOD));
    private final Map<MetricSeries, ObservableList<XYChart.Series<Number, Number>>> lines = new EnumMap<>(MetricSeries.class);
    private final Map<MetricSeries, Map<String, XYChart.Series<Number, Number>>> byMember = new EnumMap<>(MetricSeries.class);
    /** One line's points between history and chart, reused for every line and redraw. */
    private final LinePoints scratch = new LinePoints(LINE_POINTS);
    private final ObjectProperty<ChartRange> range = new SimpleObjectProperty<>(ChartRange.FIFTEEN_MINUTES);
    private final SimpleDoubleProperty lower = new SimpleDoubleProperty();
    private final SimpleDoubleProperty upper = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("Not read yet.");
    private final StringProperty problem = new SimpleStringProperty("");
    private final TimelineModel timeline;
    private TaskExecutor.Cancellable timer;
    private boolean scraping;
    private int scrapes;
    private ClusterStatus lastStatus;
    private boolean disposed;

    public ChartsViewModel(TaskExecutor executor, MetricsSource source, Clock clock, ZoneId zone) {
        this.executor = executor;
        this.zone = zone;
        this.source = source;
        this.clock = clock;
        this.timeline = new TimelineModel();
        for (MetricSeries series : MetricSeries.values()) {
            lines.put(series, FXCollections.observableArrayList());
            byMember.put(series, new LinkedHashMap<>());
        }
        moveAxis(clock.instant());
        range.addListener((obs, was, now) -> redraw());
    }

    /** Scrapes now and then every {@code period} until {@link #dispose()}; a tick while a scrape is out is skipped. */
    public void watch(Ticker ticker, Duration period) {
        if (disposed || timer != null) {
            return;
        }
        timer = ticker.every(period, this::scrapeNow);
        scrapeNow();
    }

    public void scrapeNow() {
        if (disposed || scraping) {
            return;
        }
        scraping = true;
        try {
            boolean readRecorded = scrapes++ % RECORDED_EVERY == 0;
            Instant since = clock.instant().minus(MetricsHistory.MAX_AGE);
            executor.submit(() -> new Scraped(source.scrape(),
                    readRecorded ? Optional.of(source.recorded(since)) : Optional.empty()), this::apply, e -> {
                scraping = false;
                problem.set("Cannot read etcd's metrics: " + ErrorWords.describe(e));
            });
        } catch (RejectedExecutionException closed) {
            // the app's executor is shut down (the window closed) before this cluster was disposed: stop here
            dispose();
        }
    }

    private void apply(Scraped scraped) {
        scraping = false;
        if (disposed) {
            return;
        }
        List<MemberScrape> scrapes = scraped.members();
        scraped.recorded().ifPresent(events -> {
            timeline.replace(TimelineEvent.Kind.RUN, events.stream().filter(e -> e.kind() == TimelineEvent.Kind.RUN).toList());
            timeline.replace(TimelineEvent.Kind.CERTIFICATE_EXPIRY, events.stream()
                    .filter(e -> e.kind() == TimelineEvent.Kind.CERTIFICATE_EXPIRY).toList());
        });
        Instant now = clock.instant();
        Map<String, dev.quorum.core.metrics.MemberMetrics> answered = new LinkedHashMap<>();
        scrapes.forEach(s -> s.metrics().ifPresent(m -> answered.put(s.member(), m)));
        MetricsHistory.Recorded recorded = history.record(now, answered);
        moveAxis(now);
        redrawLines();
        timeline.add(recorded.events());
        timeline.expire(now.minus(MetricsHistory.MAX_AGE));
        List<String> problems = scrapes.stream().flatMap(s -> s.problem().map(p -> s.member() + ": " + p).stream())
                .toList();
        problem.set(String.join("\n", problems));
        status.set("Read " + answered.size() + " of " + scrapes.size() + " members at "
                + TimeWords.clock(now, zone) + "; every " + PERIOD.toSeconds() + " s, kept for "
                + MetricsHistory.MAX_AGE.toMinutes() + " min.");
    }

    /** The range changed: every line again from core's history. */
    private void redraw() {
        moveAxis(clock.instant());
        redrawLines();
    }

    /** Every member's line in every chart from the history, this range's part; a member the history forgot loses its lines. */
    private void redrawLines() {
        Instant from = Instant.ofEpochMilli(Math.round(lower.get() * 1000));
        Instant to = Instant.ofEpochMilli(Math.round(upper.get() * 1000));
        List<String> kept = history.members();
        for (MetricSeries series : MetricSeries.values()) {
            Map<String, XYChart.Series<Number, Number>> members = byMember.get(series);
            members.entrySet().removeIf(e -> {
                boolean forgotten = !history.knows(e.getKey());
                if (forgotten) {
                    lines.get(series).remove(e.getValue());
                }
                return forgotten;
            });
            for (String member : kept) {
                history.fill(member, series, scratch, from, to);
                if (scratch.size() == 0 && !members.containsKey(member)) {
                    continue; // no line until the member has a point in this chart
                }
                ChartLines.write(scratch, members.computeIfAbsent(member, m -> newLine(series, m)));
            }
        }
    }

    private XYChart.Series<Number, Number> newLine(MetricSeries series, String member) {
        XYChart.Series<Number, Number> created = new XYChart.Series<>();
        created.setName(member);
        lines.get(series).add(created);
        return created;
    }

    private void moveAxis(Instant now) {
        upper.set(seconds(now));
        lower.set(seconds(now.minus(range.get().span())));
    }

    static double seconds(Instant at) {
        return at.toEpochMilli() / 1000.0;
    }

    /** A status read of the cluster (the app's polling, about once a second): its changes on the timeline. */
    public void statusSeen(ClusterStatus status) {
        if (disposed) {
            return;
        }
        if (lastStatus != null) {
            timeline.add(StatusChanges.between(lastStatus, status, clock.instant()));
        }
        if (status.anyAnswered()) {
            lastStatus = status;
        }
    }

    /** The cluster was closed: no more ticks, a scrape still out is dropped, the source's session closed. */
    public void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        try {
            executor.submit(() -> {
                source.close(); // closes SSH connections: not on the UI thread
                return null;
            }, done -> { }, e -> { });
        } catch (RejectedExecutionException shutDown) {
            source.close(); // the window is closing and the executor is gone: close it here
        }
    }

    /** One line per member, in the order they first answered. */
    public ObservableList<XYChart.Series<Number, Number>> lines(MetricSeries series) {
        return lines.get(series);
    }

    public ObjectProperty<ChartRange> rangeProperty() {
        return range;
    }

    public ReadOnlyDoubleProperty lowerBoundProperty() {
        return lower;
    }

    public ReadOnlyDoubleProperty upperBoundProperty() {
        return upper;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** Which members did not answer and why, one per line; empty when all did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public TimelineModel timeline() {
        return timeline;
    }

    private record Scraped(List<MemberScrape> members, Optional<List<TimelineEvent>> recorded) {
    }

    public boolean disposed() {
        return disposed;
    }
}
