package dev.quorum.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.cluster.StatusSource;
import dev.quorum.app.cluster.Statuses;
import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.lifecycle.recover.Diagnosis;
import dev.quorum.core.lifecycle.recover.QuorumEvidence;
import dev.quorum.core.lifecycle.recover.Verdict;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** Showing another cluster stops watching the first (its source closed, no more reads); closing the window stops all. */
@Timeout(60)
class ClusterSwitchTest {
    @TempDir
    Path dir;
    final FxTaskExecutor executor = new FxTaskExecutor(2);
    final Map<String, CountingSource> sources = new ConcurrentHashMap<>();
    final TestWindows windows = new TestWindows();
    MainWindow window;

    static final class CountingSource implements StatusSource {
        final AtomicInteger reads = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public ClusterStatus read() {
            reads.incrementAndGet();
            return Statuses.of(10, "leader", "follower", "follower");
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

    private Path inventory(String name) throws Exception {
        Path file = dir.resolve(name).resolve("hosts.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "all:\n  hosts:\n    n1: {ip: 10.0.0.1}\n  children:\n    etcd:\n      hosts: {n1: {}}\n");
        return file;
    }

    @Test
    void onlyTheShownClusterIsWatched() throws Exception {
        Path first = inventory("first");
        Path second = inventory("second");
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            window = windows.open(ShellServices.standard(executor, new QuorumHome(dir.resolve("home")))
                    .withActions(c -> new RecordingShellActions())
                    .withStatusSources((ClusterSource s) -> sources.computeIfAbsent(s.name(), n -> new CountingSource())));
            stage.setScene(window.scene());
            stage.show();
        });
        Fx.run(() -> window.openInventory(first));
        Fx.await(Duration.ofSeconds(10), "first read twice", () -> sources.containsKey("first")
                && sources.get("first").reads.get() >= 2);

        Fx.run(() -> window.openInventory(second));
        Fx.await(Duration.ofSeconds(10), "second read", () -> sources.containsKey("second")
                && sources.get("second").reads.get() >= 1);
        Fx.await(Duration.ofSeconds(5), "first closed", () -> sources.get("first").closed.get());
        int firstReads = sources.get("first").reads.get();
        Fx.sleep(2_500);

        assertThat(sources.get("first").reads).as("no reads after being replaced").hasValue(firstReads);
        assertThat(sources.get("second").reads.get()).isGreaterThanOrEqualTo(2);
        assertThat(Fx.get(() -> window.currentCluster().orElseThrow().name())).isEqualTo("second");

        Diagnosis diagnosis = new Diagnosis(Instant.now(), Verdict.HEALTHY, "healthy", List.of(),
                Map.of("n1", Map.of()), List.of(), new QuorumEvidence(1, List.of("n1"), Map.of(), Map.of()));
        Fx.run(() -> window.showDiagnosis("first", diagnosis));
        assertThat(Fx.get(() -> window.workspace().orElseThrow().model().peerLinksProperty().get()))
                .as("another cluster's diagnosis is not drawn").isNull();
        Fx.run(() -> window.showDiagnosis("second", diagnosis));
        assertThat(Fx.get(() -> window.workspace().orElseThrow().model().peerLinksProperty().get().takenAt()))
                .isEqualTo(diagnosis.takenAt());

        Fx.run(window::dispose);
        Fx.await(Duration.ofSeconds(5), "second closed", () -> sources.get("second").closed.get());
        int secondReads = sources.get("second").reads.get();
        Fx.sleep(2_000);
        assertThat(sources.get("second").reads).hasValue(secondReads);
    }
}
