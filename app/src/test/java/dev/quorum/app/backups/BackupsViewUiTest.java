package dev.quorum.app.backups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.app.shell.Fx;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.engine.RunResult;
import dev.quorum.core.engine.RunSummary;
import dev.quorum.core.lifecycle.backup.BackupOverview;
import dev.quorum.core.lifecycle.backup.BackupStatus;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Backups tab and the cluster's badge over a fake source: what the hosts said, worded; Run now reads again. */
class BackupsViewUiTest {
    final FxRobot robot = new FxRobot();
    final Deque<BackupOverview> reads = new ArrayDeque<>();
    final AtomicInteger runs = new AtomicInteger();
    final AtomicInteger afterRuns = new AtomicInteger();

    final BackupsSource source = new BackupsSource() {
        @Override
        public BackupOverview read() {
            return reads.size() > 1 ? reads.poll() : reads.peek();
        }

        @Override
        public RunResult runNow() {
            runs.incrementAndGet();
            return new RunResult("r1", RunOutcome.SUCCEEDED, new RunSummary(0, 2, 0, 0, 0), List.of());
        }

        @Override
        public java.nio.file.Path pull(String location) {
            throw new UnsupportedOperationException("pulls are BackupsPullUiTest's");
        }
    };

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    BackupsViewModel show(boolean available) throws Exception {
        BackupsViewModel[] model = new BackupsViewModel[1];
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            model[0] = new BackupsViewModel(new SynchronousTaskExecutor(), source, available, ZoneOffset.UTC,
                    afterRuns::incrementAndGet);
            stage.setScene(new Scene(new VBox(new BackupsBadge(model[0], () -> { }), new BackupsView(model[0], file -> { })), 1000, 600));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return model[0];
    }

    String text(String id) {
        return Fx.get(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    boolean visible(String id) {
        return Fx.get(() -> robot.lookup(id).queryAs(Node.class).isVisible());
    }

    @Test
    void aFailedRunShowsTheScheduleTheResultTheBackupsNewestFirstAndTheBadge() throws Exception {
        reads.add(FakeBackups.failedOnLab2());
        BackupsViewModel model = show(true);
        assertThat(visible("#backups-badge")).as("nothing read yet: no badge").isFalse();

        Fx.run(model::refresh);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text("#backups-schedule")).isEqualTo("every 1h, keep the newest 24 per host");
        assertThat(text("#backups-next-run")).isEqualTo("2026-12-04 04:20:00");
        assertThat(text("#backups-last-result")).isEqualTo("failed on lab2 (exit status 1)");
        assertThat(text("#backups-health")).isEqualTo("FAILED - lab2: the last run failed (result exit-code, exit status 1)");
        assertThat(visible("#backups-badge")).isTrue();
        assertThat(text("#backups-badge")).isEqualTo("backups FAILED");
        List<BackupRow> rows = Fx.get(() -> List.copyOf(model.rows()));
        assertThat(rows).extracting(BackupRow::time, BackupRow::host, BackupRow::revision, BackupRow::verified)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2026-12-04 03:50:00", "lab1", "42", "verified"),
                        org.assertj.core.groups.Tuple.tuple("2026-12-04 02:55:00", "lab2", "40", "verified"),
                        org.assertj.core.groups.Tuple.tuple("2026-12-04 02:50:00", "lab1", "40", "verified"));
        assertThat(rows.get(0).size()).isEqualTo("20.0 KiB");
        assertThat(rows.get(0).location()).startsWith("lab1:/var/backups/quorum-etcd/quorum-backup-lab1-");
    }

    @Test
    void runNowRunsOnceReadsAgainAndTheBadgeGoesAway() throws Exception {
        reads.add(FakeBackups.failedOnLab2());
        reads.add(FakeBackups.freshAfterARun());
        BackupsViewModel model = show(true);
        Fx.run(model::refresh);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible("#backups-badge")).isTrue();

        robot.clickOn("#backups-run-now");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(runs).hasValue(1);
        assertThat(afterRuns).as("the Tasks tab reads its history again").hasValue(1);
        assertThat(Fx.get(() -> model.healthProperty().get())).isEqualTo(BackupStatus.FRESH);
        assertThat(visible("#backups-badge")).isFalse();
        assertThat(text("#backups-status")).isEqualTo("Run now: done, a new verified backup on every member's host.");
        assertThat(text("#backups-last-result")).isEqualTo("succeeded, last ended 2026-12-04 03:59:40");
        assertThat(text("#backups-health")).isEqualTo("fresh");
        assertThat(Fx.get(() -> model.rows().size())).isEqualTo(4);
        assertThat(Fx.get(() -> robot.lookup("#backups-run-now").queryAs(Node.class).isDisabled())).isFalse();
    }

    @Test
    void aClusterWithoutSystemdReadsNothingAndOffersNoRun() throws Exception {
        BackupsViewModel model = show(false);

        Fx.run(model::refresh);
        Fx.run(model::runNow);

        assertThat(runs).hasValue(0);
        assertThat(text("#backups-health")).contains("this cluster's members have none");
        assertThat(Fx.get(() -> robot.lookup("#backups-run-now").queryAs(Node.class).isDisabled())).isTrue();
        assertThat(visible("#backups-badge")).isFalse();
    }
}
