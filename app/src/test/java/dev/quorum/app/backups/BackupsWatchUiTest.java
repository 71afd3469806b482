package dev.quorum.app.backups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.app.common.TaskExecutor;
import dev.quorum.app.shell.Fx;
import dev.quorum.core.engine.RunResult;
import dev.quorum.core.lifecycle.backup.BackupEntry;
import dev.quorum.core.lifecycle.backup.BackupOverview;
import dev.quorum.core.lifecycle.backup.HostBackups;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Backups tab's off-site copies beside the hosts' backups (pulled as they are), its reads on a timer (ticked by hand: no test waits for
 * a minute to pass), and Schedule... / Unschedule... handing the hosts' schedule to the wizards.
 */
class BackupsWatchUiTest {
    static final String STORE = "s3://etcd-backups/prod/etcd1/";

    final FxRobot robot = new FxRobot();
    final AtomicInteger reads = new AtomicInteger();
    final List<HostBackups> offsite = new ArrayList<>();
    final List<String> opened = new ArrayList<>();
    final List<String> pulled = new ArrayList<>();

    final BackupsSource source = new BackupsSource() {
        @Override
        public BackupOverview read() {
            reads.incrementAndGet();
            return FakeBackups.freshAfterARun();
        }

        @Override
        public List<HostBackups> offsite() {
            return offsite;
        }

        @Override
        public RunResult runNow() {
            throw new UnsupportedOperationException("runs are BackupsViewUiTest's");
        }

        @Override
        public java.nio.file.Path pull(String location) {
            pulled.add(location);
            return java.nio.file.Path.of("/tmp", location.substring(location.lastIndexOf('/') + 1));
        }
    };

    /** A ticker whose ticks are the test's to give; it records the period asked for and whether it was cancelled. */
    static final class HandTicker implements Ticker {
        Duration period;
        Runnable tick;
        boolean cancelled;

        @Override
        public TaskExecutor.Cancellable every(Duration period, Runnable tick) {
            this.period = period;
            this.tick = tick;
            return () -> cancelled = true;
        }

        void tick() {
            Fx.run(tick);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    final ScheduleOpener wizards = new ScheduleOpener() {
        @Override
        public void schedule(Optional<Duration> every, OptionalInt keep, Runnable afterRun) {
            opened.add("schedule " + every.map(Duration::toString).orElse("-") + " keep "
                    + (keep.isPresent() ? keep.getAsInt() : "-"));
        }

        @Override
        public void unschedule(Runnable afterRun) {
            opened.add("unschedule");
        }
    };

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    BackupsViewModel show() throws Exception {
        BackupsViewModel[] model = new BackupsViewModel[1];
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            model[0] = new BackupsViewModel(new SynchronousTaskExecutor(), source, true, ZoneOffset.UTC, () -> { });
            stage.setScene(new Scene(new BackupsView(model[0], file -> { }, wizards), 1200, 600));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return model[0];
    }

    static BackupEntry copy(String name, boolean verified) {
        return new BackupEntry(STORE, STORE + name, Optional.of(Instant.parse("2026-12-04T03:59:00Z")), 43, 20512,
                verified ? "cd".repeat(32) : "", verified,
                verified ? Optional.empty() : Optional.of("the object carries no x-amz-meta-sha256"));
    }

    String text(String id) {
        return Fx.get(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void offsiteCopiesAreListedWithTheirVerificationAndAStoreThatCannotBeAskedSaysWhy() throws Exception {
        offsite.add(new HostBackups(STORE, List.of(copy("quorum-backup-etcd1-20261204T035900Z.db", true),
                copy("hand-made.db", false)), Optional.empty()));
        offsite.add(HostBackups.unknown("s3://etcd-backups/prod/etcd2/", "the store did not answer"));
        BackupsViewModel model = show();

        Fx.run(model::refresh);
        WaitForAsyncUtils.waitForFxEvents();

        List<BackupRow> rows = Fx.get(() -> List.copyOf(model.rows()));
        assertThat(rows).hasSize(6);
        assertThat(rows).filteredOn(BackupRow::offsite).extracting(BackupRow::location, BackupRow::verified)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(STORE + "quorum-backup-etcd1-20261204T035900Z.db", "verified"),
                        org.assertj.core.groups.Tuple.tuple(STORE + "hand-made.db",
                                "NOT verified: the object carries no x-amz-meta-sha256"));
        assertThat(text("#backups-offsite")).isEqualTo(STORE + " 2 copies, 1 NOT verified; "
                + "s3://etcd-backups/prod/etcd2/ unknown: the store did not answer");

        BackupRow verifiedCopy = rows.stream().filter(r -> r.offsite() && r.entry().verified()).findFirst().orElseThrow();
        Fx.run(() -> model.selectedProperty().set(verifiedCopy));
        assertThat(Fx.get(() -> model.canPullProperty().get())).isTrue();
        robot.clickOn("#backups-pull");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pulled).containsExactly(STORE + "quorum-backup-etcd1-20261204T035900Z.db");
        assertThat(text("#backups-status")).isEqualTo("Pulled to /tmp/quorum-backup-etcd1-20261204T035900Z.db; it is in "
                + "the Snapshots tab.");

        BackupRow unverified = rows.stream().filter(r -> r.offsite() && !r.entry().verified()).findFirst().orElseThrow();
        Fx.run(() -> model.selectedProperty().set(unverified));
        assertThat(Fx.get(() -> model.canPullProperty().get())).as("an unverified copy is not offered").isFalse();
    }

    @Test
    void withoutACopyToTheOffsiteLineSaysSo() throws Exception {
        BackupsViewModel model = show();

        Fx.run(model::refresh);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text("#backups-offsite")).isEqualTo("none (no --copy-to in the hosts' schedule)");
        assertThat(Fx.get(() -> model.rows().size())).isEqualTo(4);
    }

    @Test
    void theTimerReadsAgainOnEachTickAndStopsWhenTheClusterCloses() throws Exception {
        BackupsViewModel model = show();
        HandTicker ticker = new HandTicker();

        Fx.run(() -> model.watch(ticker, Duration.ofMinutes(1)));
        assertThat(ticker.period).isEqualTo(Duration.ofMinutes(1));
        assertThat(reads).as("watching alone reads nothing: the cluster's opening read is its own").hasValue(0);
        ticker.tick();
        ticker.tick();
        assertThat(reads).hasValue(2);
        assertThat(text("#backups-health")).isEqualTo("fresh");

        Fx.run(model::dispose);
        assertThat(ticker.cancelled).isTrue();
        ticker.tick();
        assertThat(reads).as("a tick that was already on its way after close reads nothing").hasValue(2);
    }

    @Test
    void aTickAfterTheAppsExecutorWasShutDownStopsTheTimerInsteadOfThrowingOnTheUiThread() throws Throwable {
        TaskExecutor closed = new TaskExecutor() {
            @Override
            public <T> Cancellable submit(java.util.concurrent.Callable<T> work,
                                          java.util.function.Consumer<? super T> onSuccess,
                                          java.util.function.Consumer<? super Throwable> onFailure) {
                throw new java.util.concurrent.RejectedExecutionException("executor shut down");
            }

            @Override
            public void onUiThread(Runnable action) {
                Fx.run(action);
            }

            @Override
            public void shutdown() {
            }
        };
        BackupsViewModel[] model = new BackupsViewModel[1];
        Fx.run(() -> model[0] = new BackupsViewModel(closed, source, true, ZoneOffset.UTC, () -> { }));
        HandTicker ticker = new HandTicker();
        Fx.run(() -> model[0].watch(ticker, Duration.ofMinutes(1)));

        ticker.tick();
        WaitForAsyncUtils.checkException();

        assertThat(ticker.cancelled).as("the window that owned the executor is gone: no more ticks").isTrue();
        assertThat(reads).hasValue(0);
    }

    @Test
    void aClusterWithoutSystemdIsNotWatched() throws Exception {
        BackupsViewModel[] model = new BackupsViewModel[1];
        Fx.run(() -> model[0] = new BackupsViewModel(new SynchronousTaskExecutor(), source, false, ZoneOffset.UTC,
                () -> { }));
        HandTicker ticker = new HandTicker();

        Fx.run(() -> model[0].watch(ticker, Duration.ofMinutes(1)));

        assertThat(ticker.tick).isNull();
        assertThat(Fx.get(() -> model[0].canScheduleProperty().get())).isFalse();
    }

    @Test
    void scheduleAndUnscheduleOpenTheWizardsWithTheHostsCurrentSchedule() throws Exception {
        BackupsViewModel model = show();
        robot.clickOn("#backups-schedule-open");
        WaitForAsyncUtils.waitForFxEvents();
        Fx.run(model::refresh);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#backups-schedule-open");
        robot.clickOn("#backups-unschedule-open");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(opened).containsExactly("schedule - keep -", "schedule PT1H keep 24", "unschedule");
        assertThat(Fx.get(() -> robot.lookup("#backups-schedule-open").queryAs(Node.class).isDisabled())).isFalse();
    }
}
