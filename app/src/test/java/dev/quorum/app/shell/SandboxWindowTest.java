package dev.quorum.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quorum.app.cluster.ClusterViewModel;
import dev.quorum.app.cluster.MemberState;
import dev.quorum.app.cluster.MemberViewModel;
import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.Runner;
import dev.quorum.core.sandbox.Sandbox;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The welcome screen's Local sandbox, for real: three etcd processes on 127.77.0.1-3, shown as a
 * cluster with its leader, the status sentence, member details, the context menu and the run log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class SandboxWindowTest {
    @TempDir
    static Path home;
    static FxTaskExecutor executor;
    static final TestWindows windows = new TestWindows();
    static MainWindow window;
    static final RecordingShellActions actions = new RecordingShellActions();
    final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openTheSandbox() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/etcd")) || System.getenv("PATH").contains("etcd"),
                "no etcd binary (apt-get install etcd-server)");
        FxToolkit.registerPrimaryStage();
        executor = new FxTaskExecutor(3);
        FxToolkit.setupStage(stage -> {
            window = windows.open(ShellServices.standard(executor, new QuorumHome(home)).withActions(c -> actions));
            stage.setScene(window.scene());
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        new FxRobot().clickOn("#local-sandbox");
        Fx.await(Duration.ofSeconds(90), "the sandbox shown and healthy", () -> window.workspace()
                .map(w -> w.model().sentenceProperty().get().equals("3/3 healthy, tolerates 1 failure"))
                .orElse(false));
    }

    @AfterAll
    static void stopTheSandbox() throws Exception {
        windows.close(executor);
        new Runner(event -> { }, 3, new Cancellation())
                .run(new Sandbox(new QuorumHome(home), Optional.empty()).stopPlan(), RunMode.APPLY);
    }

    private static ClusterViewModel model() {
        return window.workspace().orElseThrow().model();
    }

    @Test
    @Order(1)
    void showsThreeMembersWithOneLeaderAndTheHealthSentence() {
        assertThat(Fx.get(() -> model().members().size())).isEqualTo(3);
        assertThat(Fx.get(() -> model().members().stream().filter(m -> m.state() == MemberState.LEADER).count()))
                .isEqualTo(1);
        assertThat(Fx.get(() -> robot.lookup("#status-sentence").queryAs(Label.class).getText()))
                .isEqualTo("3/3 healthy, tolerates 1 failure");
        assertThat(Fx.get(() -> robot.lookup("#status-leader").queryAs(Label.class).getText()))
                .matches("leader: etcd[123] on sandbox[123]");
        assertThat(Fx.get(() -> robot.lookup("#status-refresh").queryAs(Label.class).getText())).startsWith("refreshed ");
        assertThat(robot.lookup(".member-node").queryAll()).hasSize(3);
        assertThat(robot.lookup(".member-state").queryAllAs(Label.class)).extracting(Label::getText)
                .containsOnlyOnce("leader");
        assertThat(Fx.get(() -> window.workspace().orElseThrow().source().sandbox())).isTrue();
    }

    @Test
    @Order(2)
    void thePictureShowsTheClusterVersionTheMembersRunAndNoMixedBadge() {
        // etcd decides the cluster version a moment after the members are up
        Fx.await(Duration.ofSeconds(30), "the cluster version read",
                () -> !model().clusterVersionProperty().get().equals("-"));
        String version = Fx.get(() -> model().members().get(0).versionProperty().get());
        String line = version.substring(0, version.lastIndexOf('.'));

        assertThat(Fx.get(() -> model().members().stream().map(m -> m.versionProperty().get()).distinct().toList()))
                .containsExactly(version);
        assertThat(Fx.get(() -> robot.lookup("#cluster-version").queryAs(Label.class).getText()))
                .isEqualTo("cluster version " + line);
        assertThat(Fx.get(() -> robot.lookup("#mixed-versions-badge").query().isVisible())).isFalse();
    }

    @Test
    @Order(2)
    void selectingAMemberShowsItsDetails() {
        Node second = robot.lookup(".member-node").queryAll().stream()
                .filter(n -> robot.from(n).lookup(".member-name").queryAs(Label.class).getText().equals("etcd2"))
                .findFirst().orElseThrow();
        robot.clickOn(second);
        Fx.await(Duration.ofSeconds(5), "etcd2 selected", () -> model().selectedProperty().get() != null
                && model().selectedProperty().get().name().equals("etcd2"));

        assertThat(detail("endpoint")).isEqualTo("https://127.77.0.2:2379");
        assertThat(detail("host")).isEqualTo("sandbox2");
        assertThat(detail("version")).startsWith("3.");
        assertThat(detail("raft")).matches("term \\d+, index \\d+ \\(applied \\d+\\)");
        assertThat(detail("lag-behind-leader")).matches("is the leader|up to date|\\d+ entr(y|ies) behind");
        assertThat(detail("db-size")).contains("of 2.0 GiB quota");
        assertThat(detail("alarms")).isEqualTo("none");
        Fx.await(Duration.ofSeconds(10), "the host side read", () -> detail("certificate").startsWith("valid until"));
        assertThat(detail("service")).startsWith("a local process on this machine");
    }

    private String detail(String id) {
        return Fx.get(() -> robot.lookup("#detail-" + id).queryAs(Label.class).getText());
    }

    @Test
    @Order(3)
    void aMembersContextMenuReplaceAndRemoveCallTheirWizards() {
        robot.clickOn("#members-tab");
        Node row = robot.lookup("#members-table .table-row-cell").queryAll().stream()
                .filter(r -> r instanceof javafx.scene.control.TableRow<?> t && t.getItem() instanceof MemberViewModel m
                        && m.name().equals("etcd1")).findFirst().orElseThrow();
        robot.clickOn(row);
        openContextMenu(row);
        Node menuItem = robot.fromAll().lookup(".menu-item").query();
        assertThat(robot.from(menuItem).lookup(".label").queryAs(Label.class).getText()).isEqualTo("Replace...");
        robot.clickOn(menuItem);
        Fx.await(Duration.ofSeconds(5), "replace asked", () -> !actions.calls.isEmpty());

        assertThat(actions.calls).containsExactly("replace sandbox etcd1");
        actions.calls.clear();
        openContextMenu(row);
        robot.clickOn(robot.fromAll().lookup(".menu-item").queryAll().stream().filter(item -> "Remove...".equals(
                robot.from(item).lookup(".label").queryAs(Label.class).getText())).findFirst().orElseThrow());
        Fx.await(Duration.ofSeconds(5), "remove asked", () -> !actions.calls.isEmpty());
        assertThat(actions.calls).containsExactly("remove sandbox etcd1");
        actions.calls.clear();
        String selectedNow = Fx.get(() -> model().selectedProperty().get().name());
        robot.clickOn("#toolbar-remove");
        Fx.await(Duration.ofSeconds(5), "remove asked from the toolbar", () -> !actions.calls.isEmpty());
        assertThat(actions.calls).containsExactly("remove sandbox " + selectedNow);
        actions.calls.clear();
        String selected = Fx.get(() -> model().selectedProperty().get().name());
        robot.clickOn("#toolbar-replace");
        Fx.await(Duration.ofSeconds(5), "replace asked from the toolbar", () -> !actions.calls.isEmpty());
        assertThat(actions.calls).containsExactly("replace sandbox " + selected);
        actions.calls.clear();
        robot.clickOn("#toolbar-add");
        Fx.await(Duration.ofSeconds(5), "add asked", () -> !actions.calls.isEmpty());
        assertThat(actions.calls).containsExactly("add sandbox");
        actions.calls.clear();
        robot.clickOn("#toolbar-recover");
        Fx.await(Duration.ofSeconds(5), "recover asked", () -> !actions.calls.isEmpty());
        assertThat(actions.calls).containsExactly("recover sandbox");
        actions.calls.clear();
        robot.interact(() -> robot.lookup("#toolbar-maintain").queryButton().fire());
        Fx.await(Duration.ofSeconds(5), "maintenance asked", () -> !actions.calls.isEmpty());
        assertThat(actions.calls).containsExactly("maintain sandbox");
        actions.calls.clear();
        robot.interact(() -> robot.lookup("#toolbar-upgrade").queryButton().fire());
        Fx.await(Duration.ofSeconds(5), "upgrade asked", () -> !actions.calls.isEmpty());
        assertThat(actions.calls).containsExactly("upgrade sandbox");
    }

    /** Monocle's headless robot turns a right click into no context-menu event; send the one the OS would. */
    private static void openContextMenu(Node row) {
        Fx.run(() -> {
            var bounds = row.localToScreen(row.getBoundsInLocal());
            javafx.event.Event.fireEvent(row, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10,
                    bounds.getMinX() + 10, bounds.getMinY() + 10, false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @Order(4)
    void theTasksTabShowsTheSandboxStartRunLiveAndInTheHistory() {
        robot.clickOn("#tasks-tab");
        Fx.await(Duration.ofSeconds(10), "live lines", () -> robot.lookup("#log-lines").queryAs(ListView.class)
                .getItems().stream().anyMatch(l -> l.toString().contains("Start etcd members")));
        Fx.await(Duration.ofSeconds(10), "the start run in the history", () -> robot.lookup("#run-list")
                .queryAs(ListView.class).getItems().stream().anyMatch(i -> i.toString().startsWith("sandbox-start")));
    }

    @Test
    @Order(6)
    void theCertificatesTabSaysTheSandboxIsNotReadOverSsh() {
        robot.clickOn("#certificates-tab");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Fx.get(() -> robot.lookup("#certs-placeholder").queryAs(Label.class).getText()))
                .startsWith("Certificates are shown for SSH clusters.");
        assertThat(Fx.get(() -> robot.lookup("#certs-renew").query().isDisabled())).isTrue();
        assertThat(Fx.get(() -> robot.lookup("#certs-refresh").query().isDisabled())).isTrue();
        assertThat(actions.calls).noneMatch(call -> call.startsWith("renew"));
    }

    @Test
    @Order(5)
    void membersUpdateInPlaceWhileTheWatcherRuns() {
        MemberViewModel first = Fx.get(() -> model().members().get(0));
        String refreshed = Fx.get(() -> model().lastRefreshProperty().get());
        Fx.await(Duration.ofSeconds(10), "another refresh", () -> !model().lastRefreshProperty().get().equals(refreshed));
        assertThat(Fx.get(() -> model().members().get(0))).isSameAs(first);
        assertThat(Fx.get(() -> window.workspace().orElseThrow().watcher().running())).isTrue();
    }

    @Test
    @Order(6)
    void aStoppedMemberShowsAsUnreachableByIconAndWordsAndComesBack() throws Exception {
        Sandbox sandbox = new Sandbox(new QuorumHome(home), Optional.empty());
        var third = sandbox.layout().members().get(2);
        long pid = Long.parseLong(Files.readString(sandbox.layout().pidFile(third)).strip());
        ProcessHandle victim = ProcessHandle.of(pid).orElseThrow();
        victim.destroy();
        // stopped means exited: etcd closes its client port first, so the window may show it unreachable while the
        // process still shuts down, and a start plan run then would find it running and skip it
        victim.onExit().get(30, TimeUnit.SECONDS);

        Fx.await(Duration.ofSeconds(20), "etcd3 unreachable", () -> model().member("etcd3").orElseThrow().state()
                == MemberState.UNREACHABLE);
        assertThat(Fx.get(() -> model().sentenceProperty().get())).isEqualTo("2/3 healthy, tolerates 0 failures");
        Node node = robot.lookup(".member-node.state-unreachable").query();
        assertThat(robot.from(node).lookup(".member-state").queryAs(Label.class).getText()).isEqualTo("unreachable");
        assertThat(robot.from(node).lookup(".member-icon").queryAs(org.kordamp.ikonli.javafx.FontIcon.class)
                .getIconCode()).isEqualTo(org.kordamp.ikonli.materialdesign2.MaterialDesignL.LAN_DISCONNECT);

        var restarted = new Runner(event -> { }, 3, new Cancellation()).run(sandbox.startPlan(), RunMode.APPLY);
        assertThat(restarted.succeeded()).as(restarted.failures().toString()).isTrue();
        Fx.await(Duration.ofSeconds(20), "back to 3/3", () -> model().sentenceProperty().get()
                .equals("3/3 healthy, tolerates 1 failure"));
    }
}
