package dev.quorum.app.backups;

import dev.quorum.app.common.ErrorWords;
import dev.quorum.app.common.BackupHealthWords;
import dev.quorum.core.engine.report.RunLines;
import dev.quorum.core.engine.report.RunVerdict;
import dev.quorum.app.common.TaskExecutor;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunResult;
import dev.quorum.core.lifecycle.backup.BackupEntry;
import dev.quorum.core.lifecycle.backup.BackupOverview;
import dev.quorum.core.lifecycle.backup.BackupStatus;
import dev.quorum.core.lifecycle.backup.HostBackups;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import java.util.function.Consumer;
import java.util.concurrent.RejectedExecutionException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Backups tab's state: what the hosts say about the schedule and their backups (read in the background when
 * the cluster opens, on Refresh and after a run), the health that the cluster's badge shows, Run now, and pulling
 * the selected backup to this workstation (to keep, or to restore from).
 * UI thread only; the work goes through the {@link TaskExecutor}.
 */
public final class BackupsViewModel {
    private final TaskExecutor executor;
    private final BackupsSource source;
    /** Why the local sandbox has no scheduled backups. */
    public static final String NO_SYSTEMD = "Scheduled backups run by systemd on the members' hosts; this cluster's "
            + "members have none.";

    private final boolean available;
    private final ZoneId zone;
    private final Runnable afterRun;
    private final ObservableList<BackupRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<BackupStatus> health = new SimpleObjectProperty<>();
    private final StringProperty healthText = new SimpleStringProperty("Not read yet.");
    private final StringProperty schedule = new SimpleStringProperty("-");
    private final StringProperty nextRun = new SimpleStringProperty("-");
    private final StringProperty lastResult = new SimpleStringProperty("-");
    private final StringProperty offsite = new SimpleStringProperty("-");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty reading = new SimpleBooleanProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty pulling = new SimpleBooleanProperty();
    private final ObjectProperty<BackupRow> selected = new SimpleObjectProperty<>();
    /** A verified backup (on a host or off-site) is selected and no pull or run is going on. */
    private final BooleanBinding canPull = Bindings.createBooleanBinding(() -> selected.get() != null
            && selected.get().entry().verified() && !pulling.get() && !running.get(), selected, pulling, running);
    /** No run, read of a schedule or pull is going on, on a cluster whose hosts have systemd. */
    private final BooleanBinding canSchedule;
    private final BooleanBinding attention = Bindings.createBooleanBinding(
            () -> health.get() != null && health.get().needsAttention(), health);
    private final StringBinding badgeText = Bindings.createStringBinding(
            () -> health.get() == null ? "" : "backups " + BackupHealthWords.label(health.get()), health);
    /** Only the newest read is shown: an older one may answer last. */
    private int generation;
    private Optional<Duration> every = Optional.empty();
    private OptionalInt keep = OptionalInt.empty();
    private TaskExecutor.Cancellable timer;
    private boolean disposed;

    /**
     * @param available false for a cluster without systemd on its hosts (the local sandbox): nothing is read
     * @param afterRun  called on the UI thread when a run or a pull ended (the Tasks tab reads its history again)
     */
    public BackupsViewModel(TaskExecutor executor, BackupsSource source, boolean available, ZoneId zone,
                            Runnable afterRun) {
        this(executor, source, available ? "" : NO_SYSTEMD, zone, afterRun);
    }

    /**
     * @param unavailable why this cluster has no scheduled backups to show (nothing is read, nothing can be run or
     *                    scheduled), or empty when it has
     */
    public BackupsViewModel(TaskExecutor executor, BackupsSource source, String unavailable, ZoneId zone,
                            Runnable afterRun) {
        boolean available = unavailable.isEmpty();
        this.executor = executor;
        this.source = source;
        this.available = available;
        this.zone = zone;
        this.afterRun = afterRun;
        this.canSchedule = Bindings.createBooleanBinding(() -> available && !running.get() && !pulling.get(),
                running, pulling);
        if (!available) {
            healthText.set(unavailable);
        }
    }

    /** Reads every host's schedule and backups again; ignored while a run or a read is going on. */
    public void refresh() {
        if (!available || running.get() || reading.get()) {
            return;
        }
        reading.set(true);
        int mine = ++generation;
        status.set("Reading the members' backups...");
        executor.submit(() -> new Read(source.read(), source.offsite()), read -> {
            reading.set(false);
            if (mine == generation && !disposed) {
                show(read.overview(), read.offsite());
                status.set("Read at " + BackupRow.time(Instant.now(), zone) + ".");
            }
        }, e -> {
            reading.set(false);
            status.set("");
            error.set("Cannot read the backups: " + ErrorWords.describe(e));
        });
    }

    /** Runs the backup on every member's host now (quorum backup run), then reads again. */
    public void runNow() {
        if (!available || running.get()) {
            return;
        }
        running.set(true);
        generation++;
        error.set("");
        status.set("Running the backup on every member's host (see the Tasks tab)...");
        executor.submit(() -> new Ran(source.runNow(), new Read(source.read(), source.offsite())), ran -> {
            running.set(false);
            reading.set(false);
            show(ran.read().overview(), ran.read().offsite());
            RunResult result = ran.result();
            status.set(result.succeeded() ? "Run now: done, a new verified backup on every member's host."
                    : "Run now: " + RunVerdict.verdict(RunMode.APPLY, result.outcome(), result.summary()));
            if (!result.succeeded() && !result.failures().isEmpty()) {
                var failure = result.failures().get(0);
                error.set(failure.target() + ": " + RunLines.result(failure));
            }
            afterRun.run();
        }, e -> {
            running.set(false);
            status.set("");
            error.set("Run now failed: " + ErrorWords.describe(e));
            afterRun.run();
        });
    }

    /** "Pull to this workstation": the selected backup into the cluster's snapshot folder (quorum backup pull). */
    public void pullSelected() {
        pull(path -> status.set("Pulled to " + path + "; it is in the Snapshots tab."));
    }

    /**
     * "Restore from this...": pulls the selected backup (a copy already here is fine), then hands the file to
     * {@code openWizard} on the UI thread; the wizard asks before anything changes.
     */
    public void restoreFromSelected(Consumer<Path> openWizard) {
        pull(path -> {
            status.set("Pulled to " + path + "; restoring from it asks before anything changes.");
            openWizard.accept(path);
        });
    }

    private void pull(Consumer<Path> then) {
        BackupRow row = selected.get();
        if (!available || row == null || !canPull.get()) {
            return;
        }
        String location = row.entry().location();
        pulling.set(true);
        error.set("");
        status.set("Pulling " + location + " to this workstation (see the Tasks tab)...");
        executor.submit(() -> source.pull(location), path -> {
            pulling.set(false);
            afterRun.run();
            then.accept(path);
        }, e -> {
            pulling.set(false);
            status.set("");
            error.set("Pull of " + location + " failed: " + ErrorWords.describe(e));
            afterRun.run();
        });
    }

    /**
     * Reads again every {@code period} while the cluster is open, so the badge turns up without a click; a tick
     * while a read, run or pull is going on is skipped (no reads pile up). Stopped by {@link #dispose()}.
     */
    public void watch(Ticker ticker, Duration period) {
        if (!available || disposed || timer != null) {
            return;
        }
        timer = ticker.every(period, () -> {
            if (!disposed && !pulling.get()) {
                try {
                    refresh();
                } catch (RejectedExecutionException closed) {
                    // The app's executor is shut down (its window closed) but this cluster was not disposed: the
                    // timer, which lives on the UI pulse rather than on that executor, stops here.
                    dispose();
                }
            }
        });
    }

    /** The cluster was closed: no more ticks, and a read still under way is not shown. */
    public void dispose() {
        disposed = true;
        generation++;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** "Schedule...": the wizard, starting from the hosts' schedule; the tab reads again after each run. */
    public void schedule(ScheduleOpener opener) {
        if (canSchedule.get()) {
            opener.schedule(every, keep, this::refresh);
        }
    }

    /** "Unschedule...": the wizard; the tab reads again after each run. */
    public void unschedule(ScheduleOpener opener) {
        if (canSchedule.get()) {
            opener.unschedule(this::refresh);
        }
    }

    private void show(BackupOverview overview, List<HostBackups> stores) {
        error.set("");
        every = overview.health().every();
        keep = overview.health().keep();
        offsite.set(OffsiteSummary.of(stores));
        BackupsSummary summary = BackupsSummary.of(overview, zone);
        schedule.set(summary.schedule());
        nextRun.set(summary.nextRun());
        lastResult.set(summary.lastResult());
        healthText.set(summary.health());
        health.set(overview.health().status());
        rows.setAll(Stream.concat(overview.backups().stream(), stores.stream()).flatMap(h -> h.backups().stream())
                .sorted(Comparator.comparing((BackupEntry b) -> b.time().orElse(Instant.EPOCH)).reversed())
                .map(b -> BackupRow.of(b, zone)).toList());
    }

    public ObservableList<BackupRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<BackupStatus> healthProperty() {
        return health;
    }

    /** True while the backups are stale or failed: the cluster's warning badge. */
    public BooleanBinding attentionProperty() {
        return attention;
    }

    /** The badge's words: "backups STALE" / "backups FAILED". */
    public StringBinding badgeTextProperty() {
        return badgeText;
    }

    public ReadOnlyStringProperty healthTextProperty() {
        return healthText;
    }

    public ReadOnlyStringProperty scheduleProperty() {
        return schedule;
    }

    public ReadOnlyStringProperty nextRunProperty() {
        return nextRun;
    }

    public ReadOnlyStringProperty lastResultProperty() {
        return lastResult;
    }

    /** Where the off-site copies are and how many are verified, or why a store could not be listed. */
    public ReadOnlyStringProperty offsiteProperty() {
        return offsite;
    }

    public BooleanBinding canScheduleProperty() {
        return canSchedule;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading;
    }

    /** The table's selection; a refresh that no longer lists the selected backup clears it. */
    public ObjectProperty<BackupRow> selectedProperty() {
        return selected;
    }

    public BooleanBinding canPullProperty() {
        return canPull;
    }

    public ReadOnlyBooleanProperty pullingProperty() {
        return pulling;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public boolean available() {
        return available;
    }

    private record Read(BackupOverview overview, List<HostBackups> offsite) {
    }

    private record Ran(RunResult result, Read read) {
    }
}
