package dev.quorum.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.cluster.Statuses;
import dev.quorum.app.cluster.StatusSource;
import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** A status source that takes 3 s per read must not slow the UI thread: the read runs in the background. */
@Timeout(60)
class SlowStatusTest {
    static final Duration NOT_BLOCKED = Duration.ofMillis(500);

    @TempDir
    Path dir;
    FxTaskExecutor executor = new FxTaskExecutor(2);
    final TestWindows windows = new TestWindows();
    MainWindow window;

    @AfterEach
    void close() throws Exception {
        windows.close(executor);
    }

    static final class SlowSource implements StatusSource {
        final CountDownLatch reading = new CountDownLatch(1);
        final CountDownLatch secondRead = new CountDownLatch(2);
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger concurrent = new AtomicInteger();
        volatile int maxConcurrent;

        @Override
        public ClusterStatus read() throws InterruptedException {
            maxConcurrent = Math.max(maxConcurrent, concurrent.incrementAndGet());
            reads.incrementAndGet();
            reading.countDown();
            secondRead.countDown();
            try {
                Thread.sleep(3_000);
                return Statuses.of(50, "leader", "follower", "follower");
            } finally {
                concurrent.decrementAndGet();
            }
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theUiThreadAnswersWhileAReadTakesThreeSeconds() throws Exception {
        Path inventory = dir.resolve("c1").resolve("hosts.yaml");
        Files.createDirectories(inventory.getParent());
        Files.writeString(inventory, """
                all:
                  hosts:
                    node1: {ip: 10.0.0.1}
                    node2: {ip: 10.0.0.2}
                    node3: {ip: 10.0.0.3}
                  children:
                    etcd:
                      hosts: {node1: {}, node2: {}, node3: {}}
                """);
        SlowSource slow = new SlowSource();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            window = windows.open(ShellServices.standard(executor, new QuorumHome(dir.resolve("home")))
                    .withActions(c -> new RecordingShellActions()).withStatusSources(source -> slow));
            stage.setScene(window.scene());
            stage.show();
        });
        Fx.run(() -> window.openInventory(inventory));
        assertThat(slow.reading.await(10, TimeUnit.SECONDS)).as("a read started").isTrue();
        assertThat(Fx.get(() -> window.workspace().orElseThrow().model().sentenceProperty().get()))
                .isEqualTo("reading the cluster's status...");
        Fx.await(Duration.ofSeconds(10), "the slow status arrives",
                () -> window.workspace().orElseThrow().model().sentenceProperty().get().startsWith("3/3 healthy"));
        // Measured during the next 3 s read, once the window's first paint (class loading, CSS) is behind us.
        assertThat(slow.secondRead.await(10, TimeUnit.SECONDS)).as("the watcher reads again").isTrue();

        List<Duration> roundTrips = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofMillis(2_000).toNanos();
        while (System.nanoTime() < until) {
            roundTrips.add(Fx.roundTrip());
            Fx.run(() -> window.refresh()); // pressing Refresh during a read must not start a second one
            Fx.sleep(100);
        }

        assertThat(roundTrips).hasSizeGreaterThan(5).allSatisfy(d -> assertThat(d).isLessThan(NOT_BLOCKED));
        assertThat(slow.reads).as("still on the second read").hasValue(2);
        assertThat(slow.maxConcurrent).as("one read at a time").isEqualTo(1);
    }
}
