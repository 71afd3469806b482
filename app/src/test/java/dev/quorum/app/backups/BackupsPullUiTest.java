package dev.quorum.app.backups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.app.shell.Fx;
import dev.quorum.core.engine.RunResult;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.lifecycle.backup.BackupEntry;
import dev.quorum.core.lifecycle.backup.BackupOverview;
import dev.quorum.core.lifecycle.backup.HostBackups;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Backups tab's "Pull to this workstation" and "Restore from this..." over a fake source. */
class BackupsPullUiTest {
    static final Path SNAPSHOTS = Path.of("/home/me/.quorum/clusters/c/snapshots");

    final FxRobot robot = new FxRobot();
    final List<String> pulled = new ArrayList<>();
    final List<Path> wizards = new ArrayList<>();
    final AtomicInteger afterRuns = new AtomicInteger();
    String refusal;

    final BackupsSource source = new BackupsSource() {
        @Override
        public BackupOverview read() {
            BackupEntry unverified = new BackupEntry("lab2", "lab2:/var/backups/quorum-etcd/quorum-backup-lab2-x.db",
                    Optional.empty(), 0, 100, "", false, Optional.of("no manifest: the run that wrote it did not finish"));
            BackupOverview fresh = FakeBackups.freshAfterARun();
            List<HostBackups> hosts = new ArrayList<>(fresh.backups());
            hosts.add(new HostBackups("lab3", List.of(unverified), Optional.empty()));
            return BackupOverview.of(fresh.schedules(), hosts);
        }

        @Override
        public RunResult runNow() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path pull(String location) throws StepFailedException {
            pulled.add(location);
            if (refusal != null) {
                throw new StepFailedException(refusal, "move it away, or pull into another folder with --to DIR");
            }
            return SNAPSHOTS.resolve(location.substring(location.lastIndexOf('/') + 1));
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
            model[0] = new BackupsViewModel(new SynchronousTaskExecutor(), source, true, ZoneOffset.UTC,
                    afterRuns::incrementAndGet);
            stage.setScene(new Scene(new BackupsView(model[0], wizards::add), 1200, 600));
            stage.show();
        });
        Fx.run(model[0]::refresh);
        WaitForAsyncUtils.waitForFxEvents();
        return model[0];
    }

    @SuppressWarnings("unchecked")
    void select(int row) {
        Fx.run(() -> robot.lookup("#backups-table").queryAs(TableView.class).getSelectionModel().select(row));
        WaitForAsyncUtils.waitForFxEvents();
    }

    boolean disabled(String id) {
        return Fx.get(() -> robot.lookup(id).queryAs(Node.class).isDisabled());
    }

    String text(String id) {
        return Fx.get(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void nothingSelectedOffersNoPull() throws Exception {
        show();

        assertThat(disabled("#backups-pull")).isTrue();
        assertThat(disabled("#backups-restore")).isTrue();
    }

    @Test
    void restoreFromThisPullsTheSelectedBackupThenOpensTheWizardOnItsFile() throws Exception {
        BackupsViewModel model = show();
        select(0);
        String location = Fx.get(() -> model.selectedProperty().get().location());
        assertThat(disabled("#backups-restore")).isFalse();

        robot.clickOn("#backups-restore");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(pulled).containsExactly(location);
        assertThat(wizards).containsExactly(SNAPSHOTS.resolve(location.substring(location.lastIndexOf('/') + 1)));
        assertThat(afterRuns).as("the Tasks and Snapshots tabs read again").hasValue(1);
        assertThat(text("#backups-status")).startsWith("Pulled to " + SNAPSHOTS);
    }

    @Test
    void pullToThisWorkstationOpensNoWizard() throws Exception {
        show();
        select(1);

        robot.clickOn("#backups-pull");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(pulled).hasSize(1);
        assertThat(wizards).isEmpty();
        assertThat(text("#backups-status")).contains("it is in the Snapshots tab");
    }

    @Test
    void aRefusedPullSaysWhyAndWhatToDoAndOpensNoWizard() throws Exception {
        refusal = "/home/me/x.db already exists and is not this backup; it was left as it is";
        show();
        select(0);

        robot.clickOn("#backups-restore");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(wizards).isEmpty();
        assertThat(text("#backups-error")).contains("already exists", "left as it is", "--to DIR");
        assertThat(disabled("#backups-restore")).as("another try is possible").isFalse();
    }

    @Test
    void anUnverifiedBackupCannotBePulled() throws Exception {
        BackupsViewModel model = show();
        int last = Fx.get(() -> model.rows().size()) - 1;
        select(last);

        assertThat(Fx.get(() -> model.selectedProperty().get().entry().verified())).isFalse();
        assertThat(disabled("#backups-pull")).isTrue();
        assertThat(disabled("#backups-restore")).isTrue();
    }
}
