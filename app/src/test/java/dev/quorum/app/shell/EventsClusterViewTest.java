package dev.quorum.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.cluster.MemberViewModel;
import dev.quorum.app.cluster.StatusSource;
import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * An inventory with etcd_events_cluster_enabled: the cluster header's switch shows the events cluster as a cluster of
 * its own (its members on 2383, its folders), the main cluster's watcher stops; the toolbar and the tabs disable what
 * the CLI refuses on the events cluster and say why, and the wizards it allows (maintain, upgrade, recover, the
 * backups' too since decision 0049) are opened on the events cluster.
 */
@Timeout(60)
class EventsClusterViewTest {
    @TempDir
    Path dir;
    final FxTaskExecutor executor = new FxTaskExecutor(2);
    final Map<String, FakeSource> sources = new ConcurrentHashMap<>();
    final RecordingShellActions actions = new RecordingShellActions();
    final TestWindows windows = new TestWindows();
    MainWindow window;

    /** Three healthy members named as the source's cluster names them, on its client port. */
    static final class FakeSource implements StatusSource {
        final ClusterSource cluster;
        final AtomicInteger reads = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();

        FakeSource(ClusterSource cluster) {
            this.cluster = cluster;
        }

        @Override
        public ClusterStatus read() {
            reads.incrementAndGet();
            List<MemberStatus> members = new ArrayList<>();
            List<MemberInfo> list = new ArrayList<>();
            var inventoryMembers = cluster.inventory().etcdMembers();
            for (int i = 0; i < inventoryMembers.size(); i++) {
                var m = inventoryMembers.get(i);
                String url = m.clientUrl();
                list.add(new MemberInfo(i + 1, m.memberName(), List.of(), List.of(url), false));
                EndpointStatus status = new EndpointStatus(url, i + 1, "3.5.21", 1, 7, 10, 10, 25_000, 20_000, false,
                        List.of());
                members.add(new MemberStatus(m.hostName(), m.memberName(), url, Optional.of(status), ""));
            }
            return new ClusterStatus(members, list, List.of(), true, "");
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @AfterEach
    void close() throws Exception {
        windows.close(executor);
    }

    private Path inventory(boolean events) throws Exception {
        Path file = dir.resolve("prod").resolve("hosts.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "all:\n  hosts:\n    n1: {ip: 10.0.0.1}\n    n2: {ip: 10.0.0.2}\n    n3: {ip: 10.0.0.3}\n"
                + (events ? "  vars:\n    etcd_events_cluster_enabled: true\n" : "")
                + "  children:\n    etcd:\n      hosts: {n1: {}, n2: {}, n3: {}}\n");
        return file;
    }

    private void open(Path inventory) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            window = windows.open(ShellServices.standard(executor, new QuorumHome(dir.resolve("home")))
                    .withActions(c -> actions)
                    .withStatusSources((ClusterSource s) -> sources.computeIfAbsent(s.name(), n -> new FakeSource(s))));
            stage.setScene(window.scene());
            stage.show();
        });
        Fx.run(() -> window.openInventory(inventory));
        Fx.await(Duration.ofSeconds(10), "prod read", () -> sources.containsKey("prod")
                && sources.get("prod").reads.get() >= 1);
    }

    /** On the UI thread only. */
    private Node node(String id) {
        return window.scene().lookup(id);
    }

    /** Fires a button later on the UI thread, as a click does; the test waits for what it causes. */
    private void fire(String id) {
        javafx.application.Platform.runLater(() -> ((javafx.scene.control.ButtonBase) node(id)).fire());
    }

    private String tooltip(String id) {
        return Fx.get(() -> ((Button) window.scene().lookup(id)).getTooltip().getText());
    }

    private boolean disabled(String id) {
        return Fx.get(() -> window.scene().lookup(id).isDisabled());
    }

    private List<String> members() {
        return Fx.get(() -> window.workspace().orElseThrow().model().members().stream()
                .map(m -> m.name() + " " + m.endpointProperty().get()).toList());
    }

    @Test
    void withoutTheEventsClusterThereIsNoSwitch() throws Exception {
        open(inventory(false));
        assertThat(Fx.get(() -> node("#cluster-choice").isVisible())).isFalse();
        assertThat(Fx.get(() -> node("#cluster-events"))).isNull();
    }

    @Test
    void theSwitchShowsTheEventsClusterAndBack() throws Exception {
        open(inventory(true));
        assertThat(Fx.get(() -> node("#cluster-choice").isVisible())).isTrue();
        assertThat(Fx.get(() -> ((ToggleButton) node("#cluster-main")).isSelected())).isTrue();
        assertThat(disabled("#toolbar-maintain")).as("the main cluster allows maintenance").isFalse();

        fire("#cluster-events");

        Fx.await(Duration.ofSeconds(10), "prod-events read", () -> sources.containsKey("prod-events")
                && sources.get("prod-events").reads.get() >= 1);
        Fx.await(Duration.ofSeconds(5), "the main cluster's source closed", () -> sources.get("prod").closed.get());
        Fx.await(Duration.ofSeconds(5), "the events members shown", () -> window.workspace().orElseThrow().model()
                .members().stream().map(MemberViewModel::state).allMatch(s -> s.words().equals("follower")
                        || s.words().equals("leader")));
        assertThat(Fx.get(() -> window.currentCluster().orElseThrow().name())).isEqualTo("prod-events");
        assertThat(members()).containsExactly("etcd1-events https://10.0.0.1:2383", "etcd2-events https://10.0.0.2:2383",
                "etcd3-events https://10.0.0.3:2383");
        assertThat(Fx.get(() -> ((ToggleButton) node("#cluster-events")).isSelected())).isTrue();
        assertThat(Fx.get(() -> ((Label) node("#cluster-caption")).getText()))
                .contains("prod-events", "etcd-events.service", "client port 2383");
        assertThat(Fx.get(() -> window.workspace().orElseThrow().snapshots().dir()))
                .isEqualTo(new QuorumHome(dir.resolve("home")).snapshots("prod-events"));

        // every action acts on the events cluster: restore (0047), certificates (0048), the wizards of 0049
        assertThat(disabled("#toolbar-restore")).isFalse();
        assertThat(tooltip("#snapshot-restore")).doesNotContain("cannot act on it yet");
        // certificates are the main cluster's too: renewing them from here covers both clusters (decision 0048)
        assertThat(tooltip("#certs-renew")).startsWith("Re-issue certificates").doesNotContain("cannot act on it");
        for (String id : List.of("#toolbar-maintain", "#toolbar-upgrade", "#toolbar-recover", "#toolbar-add",
                "#toolbar-snapshot", "#backups-schedule-open")) {
            assertThat(disabled(id)).as(id).isFalse();
        }
        assertThat(tooltip("#toolbar-maintain")).startsWith("Compact the key history");
        assertThat(Fx.get(() -> ((Label) node("#backups-health")).getText())).doesNotContain("--cluster events");
        for (String id : List.of("#toolbar-add", "#toolbar-maintain", "#toolbar-upgrade", "#toolbar-recover",
                "#backups-schedule-open")) {
            int before = actions.calls.size();
            fire(id);
            Fx.await(Duration.ofSeconds(5), id + "'s wizard asked for", () -> actions.calls.size() > before);
        }
        assertThat(actions.calls).containsExactly("add prod-events", "maintain prod-events", "upgrade prod-events",
                "recover prod-events", "schedule backups prod-events");

        fire("#cluster-main");

        Fx.await(Duration.ofSeconds(5), "the events cluster's source closed",
                () -> sources.get("prod-events").closed.get());
        assertThat(Fx.get(() -> window.currentCluster().orElseThrow().name())).isEqualTo("prod");
        assertThat(disabled("#toolbar-maintain")).isFalse();
        assertThat(tooltip("#toolbar-maintain")).startsWith("Compact the key history");
    }
}
