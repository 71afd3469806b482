package dev.quorum.app.tasks;

import dev.quorum.core.engine.report.LogLine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.engine.LogLevel;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunMode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveLogViewModelTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    private static void run(LogFeed feed) {
        feed.on(new RunEvent.RunStarted(T, "r1", "install", "c1", RunMode.APPLY, List.of("Preflight", "Start etcd")));
        feed.on(new RunEvent.TargetOutput(T, 0, "node1", LogLevel.INFO, "ports 2379 and 2380 are free"));
        feed.on(new RunEvent.TargetOutput(T, 0, "node2", LogLevel.WARN, "clock drift 120 ms"));
        feed.on(new RunEvent.TargetOutput(T, 1, "node1", LogLevel.DEBUG, "systemctl start etcd"));
        feed.on(new RunEvent.TargetOutput(T, 1, "node2", LogLevel.ERROR, "etcd exited with status 1"));
    }

    @Test
    void linesArePrefixedByHostAndStepAndCarryTheirLevel() {
        LogFeed feed = new LogFeed(100);
        LiveLogViewModel model = new LiveLogViewModel(100);
        model.attach(feed);
        run(feed);

        assertThat(model.drain()).isEqualTo(5);

        assertThat(model.lines().get(2).formatted()).isEqualTo("[node2] Preflight: clock drift 120 ms");
        assertThat(LiveLogViewModel.styleClass(model.lines().get(2))).isEqualTo("log-warn");
        assertThat(model.visible()).as("DEBUG hidden by default").hasSize(4);
        assertThat(model.hosts()).containsExactly(LiveLogViewModel.ALL, "node1", "node2");
        assertThat(model.steps()).containsExactly(LiveLogViewModel.ALL, "Preflight", "Start etcd");
    }

    @Test
    void filtersByHostStepLevelAndSearch() {
        LogFeed feed = new LogFeed(100);
        LiveLogViewModel model = new LiveLogViewModel(100);
        model.attach(feed);
        run(feed);
        model.drain();

        model.hostProperty().set("node2");
        assertThat(model.visible()).extracting(LogLine::text).containsExactly("clock drift 120 ms", "etcd exited with status 1");
        model.stepProperty().set("Start etcd");
        assertThat(model.visible()).extracting(LogLine::text).containsExactly("etcd exited with status 1");
        model.hostProperty().set(LiveLogViewModel.ALL);
        model.stepProperty().set(LiveLogViewModel.ALL);
        model.minLevelProperty().set(LogLevel.WARN);
        assertThat(model.visible()).hasSize(2);
        model.minLevelProperty().set(LogLevel.DEBUG);
        model.searchProperty().set("SYSTEMCTL");
        assertThat(model.visible()).extracting(LogLine::host).containsExactly("node1");
        assertThat(model.countsProperty().get()).isEqualTo("1 of 5 lines");
    }

    @Test
    void theListStaysCappedAndKeepsTheNewestLines() {
        LogFeed feed = new LogFeed(1_000);
        LiveLogViewModel model = new LiveLogViewModel(300);
        model.attach(feed);
        for (int i = 0; i < 1_500; i++) {
            feed.add(new LogLine(T, "h", "s", LogLevel.INFO, "line " + i));
            if (i % 200 == 0) {
                model.drain();
            }
        }
        model.drain();

        assertThat(model.size()).isEqualTo(300);
        assertThat(model.lines().get(299).text()).isEqualTo("line 1499");
        assertThat(model.lines().get(0).text()).isEqualTo("line 1200");
        assertThat(model.countsProperty().get()).contains("older dropped");
    }

    @Test
    void theHostChoicesAreByNameWhateverLineCameFirst() {
        LiveLogViewModel model = new LiveLogViewModel(100);

        model.append(List.of(new LogLine(T, "node3", "s", LogLevel.INFO, "a"),
                new LogLine(T, "node1", "s", LogLevel.INFO, "b"), new LogLine(T, "node2", "s", LogLevel.INFO, "c"),
                new LogLine(T, "node1", "s", LogLevel.INFO, "d")));

        assertThat(model.hosts()).containsExactly(LiveLogViewModel.ALL, "node1", "node2", "node3");
    }

    @Test
    void copiedTextHasTimeLevelAndPrefix() {
        String text = LiveLogViewModel.text(List.of(new LogLine(T, "node1", "Preflight", LogLevel.WARN, "slow disk")));
        assertThat(text).isEqualTo("2026-12-01T10:00:00Z WARN [node1] Preflight: slow disk\n");
    }

    @Test
    void exportWritesTheShownLines(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        LogFeed feed = new LogFeed(100);
        LiveLogViewModel model = new LiveLogViewModel(100);
        model.attach(feed);
        run(feed);
        model.drain();
        model.hostProperty().set("node1");

        java.nio.file.Path file = LiveLogViewModel.export(model.visibleSnapshot(), dir.resolve("log.txt"));

        assertThat(java.nio.file.Files.readAllLines(file)).containsExactly(
                "2026-12-01T10:00:00Z INFO [node1] Preflight: ports 2379 and 2380 are free");
    }
}
