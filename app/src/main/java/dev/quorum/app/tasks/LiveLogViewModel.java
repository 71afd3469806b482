package dev.quorum.app.tasks;

import dev.quorum.core.engine.report.LogLine;
import dev.quorum.core.engine.LogLevel;
import dev.quorum.core.engine.report.CappedBuffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * A live log's state: a capped list of lines (the oldest go first), the filters (host, step,
 * minimum level, search text) and follow-tail. UI thread only; lines arrive through
 * {@link #drain()} from a {@link LogFeed} that any thread fills.
 */
public final class LiveLogViewModel {
    public static final int DEFAULT_CAPACITY = 50_000;
    /** Choice lists for the filters stay short even for a run over many hosts. */
    private static final int MAX_CHOICES = 500;
    public static final String ALL = "all";

    private final int capacity;
    private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
    private final FilteredList<LogLine> visible = new FilteredList<>(lines);
    private final ObservableList<String> hosts = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> steps = FXCollections.observableArrayList(ALL);
    private final ObjectProperty<String> host = new SimpleObjectProperty<>(ALL);
    private final ObjectProperty<String> step = new SimpleObjectProperty<>(ALL);
    private final ObjectProperty<LogLevel> minLevel = new SimpleObjectProperty<>(LogLevel.INFO);
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final StringProperty counts = new SimpleStringProperty("no lines");
    private LogFeed feed;
    /** Dropped here (the list's cap) and, before that, in the feed while nobody drained it. */
    private long dropped;
    private long droppedByFeed;

    public LiveLogViewModel(int capacity) {
        this.capacity = capacity;
        visible.predicateProperty().bind(Bindings.createObjectBinding(this::predicate, host, step, minLevel, search));
        visible.addListener((javafx.collections.ListChangeListener<LogLine>) c -> updateCounts());
    }

    public LiveLogViewModel() {
        this(DEFAULT_CAPACITY);
    }

    private Predicate<LogLine> predicate() {
        String h = host.get();
        String s = step.get();
        LogLevel level = minLevel.get() == null ? LogLevel.DEBUG : minLevel.get();
        String text = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        return line -> (h == null || ALL.equals(h) || line.host().equals(h))
                && (s == null || ALL.equals(s) || line.step().equals(s))
                && line.level().compareTo(level) >= 0
                && (text.isEmpty() || line.formatted().toLowerCase(Locale.ROOT).contains(text));
    }

    /** Lines from now on come from this feed (null: none). */
    public void attach(LogFeed newFeed) {
        this.feed = newFeed;
    }

    /** Moves what the feed holds into the list, in one change. Returns how many lines came. */
    public int drain() {
        if (feed == null) {
            return 0;
        }
        List<LogLine> batch = feed.drain();
        droppedByFeed = feed.dropped();
        append(batch);
        return batch.size();
    }

    public void append(List<LogLine> batch) {
        if (batch.isEmpty()) {
            return;
        }
        dropped += CappedBuffer.appendKeepingNewest(lines, batch, capacity);
        for (LogLine line : batch.subList(Math.max(0, batch.size() - capacity), batch.size())) {
            rememberSorted(hosts, line.host());
            remember(steps, line.step());
        }
        updateCounts();
    }

    private static void remember(ObservableList<String> choices, String value) {
        if (!value.isEmpty() && choices.size() < MAX_CHOICES && !choices.contains(value)) {
            choices.add(value);
        }
    }

    /**
     * Hosts by name, after "all": the first lines a view sees depend on what the feed already dropped, so the order
     * of appearance would differ from one run to the next.
     */
    private static void rememberSorted(ObservableList<String> choices, String value) {
        if (!value.isEmpty() && choices.size() < MAX_CHOICES && !choices.contains(value)) {
            int at = 1; // after ALL
            while (at < choices.size() && choices.get(at).compareTo(value) < 0) {
                at++;
            }
            choices.add(at, value);
        }
    }

    /** Shows another run (from the history): its lines replace what is shown. */
    public void replaceAll(List<LogLine> run) {
        lines.clear();
        hosts.setAll(ALL);
        steps.setAll(ALL);
        host.set(ALL);
        step.set(ALL);
        dropped = 0;
        droppedByFeed = 0;
        append(run);
        updateCounts();
    }

    private void updateCounts() {
        String text = lines.isEmpty() ? "no lines"
                : visible.size() + " of " + lines.size() + " lines" + (dropped + droppedByFeed > 0 ? " (" + (dropped + droppedByFeed) + " older dropped)" : "");
        if (!text.equals(counts.get())) {
            counts.set(text);
        }
    }

    /** The line's level as a style class ("log-warn"): the view styles by it, beside the level's word. */
    public static String styleClass(LogLine line) {
        return "log-" + line.level().name().toLowerCase(Locale.ROOT);
    }

    /** What Copy puts on the clipboard and Export writes: the lines as shown, one per line. */
    public static String text(List<LogLine> shown) {
        StringBuilder out = new StringBuilder();
        for (LogLine line : shown) {
            out.append(line.time()).append(' ').append(line.level()).append(' ').append(line.formatted()).append('\n');
        }
        return out.toString();
    }

    /** Writes a snapshot of lines (taken on the UI thread) to a file; call in the background. */
    public static Path export(List<LogLine> snapshot, Path file) throws IOException {
        Files.writeString(file, text(snapshot), StandardCharsets.UTF_8);
        return file;
    }

    public List<LogLine> visibleSnapshot() {
        return new ArrayList<>(visible);
    }

    public ObservableList<LogLine> lines() {
        return FXCollections.unmodifiableObservableList(lines);
    }

    public FilteredList<LogLine> visible() {
        return visible;
    }

    public ObservableList<String> hosts() {
        return hosts;
    }

    public ObservableList<String> steps() {
        return steps;
    }

    public ObjectProperty<String> hostProperty() {
        return host;
    }

    public ObjectProperty<String> stepProperty() {
        return step;
    }

    public ObjectProperty<LogLevel> minLevelProperty() {
        return minLevel;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts;
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return lines.size();
    }
}
