package dev.quorum.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.cluster.StatusSource;
import dev.quorum.app.cluster.Statuses;
import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunLog;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.engine.RunSummary;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.known.OpenedFrom;
import dev.quorum.core.lifecycle.backup.BackupHealth;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The first screen with two known clusters: a card each (health from a status read, versions, backups, certificates,
 * last run); clicking one opens that cluster. With one known cluster the welcome screen stays as it was.
 */
@Timeout(60)
class OverviewScreenTest {
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private final FxTaskExecutor executor = new FxTaskExecutor(2);
    private final TestWindows windows = new TestWindows();
    private MainWindow window;

    /** "first" answers with three healthy members; any other cluster does not answer at all. */
    static final class FakeSource implements StatusSource {
        private final String name;

        FakeSource(String name) {
            this.name = name;
        }

        @Override
        public ClusterStatus read() {
            if (!name.equals("first")) {
                throw new IllegalStateException("no member of " + name + " answered");
            }
            return Statuses.of(10, "leader", "follower", "follower");
        }

        @Override
        public void close() {
        }
    }

    @AfterEach
    void close() throws Exception {
        windows.close(executor);
    }

    private Path known(QuorumHome home, String name) throws Exception {
        Path file = dir.resolve(name).resolve("hosts.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "all:\n  hosts:\n    n1: {ip: 10.0.0.1}\n  children:\n    etcd:\n      hosts: {n1: {}}\n");
        OpenedFrom.record(home, name, file);
        return file;
    }

    private void start(QuorumHome home) throws Exception {
        Function<ClusterSource, StatusSource> sources = source -> new FakeSource(source.name());
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            window = windows.open(ShellServices.standard(executor, home)
                    .withActions(c -> new RecordingShellActions()).withStatusSources(sources)
                    .withBackupReads(source -> BackupHealth.evaluate(List.of(), List.of())));
            stage.setScene(window.scene());
            stage.show();
        });
    }

    private String text(String card, String label) {
        return Fx.get(() -> robot.lookup("#card-" + card + " ." + label).queryAs(Label.class).getText());
    }

    @Test
    void twoKnownClustersShowTwoCardsAndACardOpensItsCluster() throws Exception {
        QuorumHome home = new QuorumHome(dir.resolve("home"));
        known(home, "first");
        known(home, "second");
        try (RunLog log = RunLog.create(home.runs("first").resolve("20261204T100000.000Z-install.jsonl"))) {
            Instant at = Instant.parse("2026-12-04T10:00:00Z");
            log.on(new RunEvent.RunStarted(at, "r", "install", "first", RunMode.APPLY, List.of()));
            log.on(new RunEvent.RunFinished(at.plusSeconds(9), RunOutcome.SUCCEEDED, RunSummary.empty(),
                    Duration.ofSeconds(9)));
        }
        start(home);

        Fx.await(Duration.ofSeconds(10), "both cards read", () -> !robot.lookup("#card-second .card-health")
                .queryAs(Label.class).getText().startsWith("reading"));
        Set<Node> cards = Fx.get(() -> robot.lookup(".cluster-card").queryAll());
        assertThat(cards).hasSize(2);
        assertThat(Fx.get(() -> robot.lookup("#overview").query().isVisible())).isTrue();
        assertThat(text("first", "card-health")).isEqualTo("3/3 healthy, tolerates 1 failure");
        assertThat(text("first", "card-versions")).startsWith("etcd ");
        assertThat(text("first", "card-last-run")).isEqualTo("last run: install, 2026-12-04 10:00Z, succeeded");
        assertThat(text("first", "card-expiry")).isEqualTo("certificates: none on this workstation");
        Fx.await(Duration.ofSeconds(10), "first's backups read", () -> !robot.lookup("#card-first .card-backups")
                .queryAs(Label.class).getText().endsWith("reading..."));
        assertThat(text("first", "card-backups")).isEqualTo("backups: no backups yet");
        assertThat(text("second", "card-health")).isEqualTo("unknown: no member of second answered");
        assertThat(text("second", "card-last-run")).isEqualTo("last run: none");
        assertThat(robot.lookup("#open-inventory").queryButton().isVisible()).as("the ways in stay").isTrue();

        assertThat(Fx.get(() -> robot.lookup("#card-second").query().getBoundsInLocal().getHeight()))
                .as("a card as tall as its lines, not one word per line").isLessThan(300);
        robot.clickOn("#card-second");
        Fx.await(Duration.ofSeconds(10), "second opened", () -> window.currentCluster().isPresent());
        assertThat(Fx.get(() -> window.currentCluster().orElseThrow().name())).isEqualTo("second");
    }

    @Test
    void oneKnownClusterKeepsTheWelcomeScreenAsItWas() throws Exception {
        QuorumHome home = new QuorumHome(dir.resolve("home"));
        known(home, "first");
        start(home);

        Fx.await(Duration.ofSeconds(10), "the known clusters listed", () -> robot.lookup(".cluster-card")
                .queryAll().size() == 1);
        assertThat(Fx.get(() -> robot.lookup("#overview").query().isVisible())).isFalse();
        assertThat(Fx.get(() -> robot.lookup("#open-inventory").queryButton().isVisible())).isTrue();
        assertThat(text("first", "card-health")).as("no status read for a card not shown")
                .isEqualTo("reading status...");
    }
}
