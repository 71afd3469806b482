package dev.quorum.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.app.shell.Fx;
import dev.quorum.core.engine.LogLevel;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** 100,000 events from a background thread: the list stays capped, the newest line is on screen, nothing throws. */
@Timeout(120)
class LiveLogViewTest {
    static final int EVENTS = 100_000;
    FxTaskExecutor executor = new FxTaskExecutor(1);
    final List<Throwable> uiErrors = new CopyOnWriteArrayList<>();
    LiveLogView view;

    @AfterEach
    void close() throws Exception {
        if (view != null) {
            Fx.run(view::dispose); // its frame timer stops for good, as when its cluster's tab is closed
        }
        FxToolkit.cleanupStages();
        executor.shutdown();
    }

    @Test
    void keepsUpWithAFastStream() throws Exception {
        LogFeed feed = new LogFeed(LiveLogViewModel.DEFAULT_CAPACITY);
        LiveLogViewModel model = new LiveLogViewModel();
        model.attach(feed);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uiErrors.add(e));
            stage.setScene(new Scene(view = new LiveLogView(model, executor), 900, 500));
            stage.show();
        });

        Thread producer = new Thread(() -> {
            feed.on(new RunEvent.RunStarted(Instant.now(), "r", "install", "c", RunMode.APPLY, List.of("Chatty step")));
            for (int i = 0; i < EVENTS; i++) {
                feed.on(new RunEvent.TargetOutput(Instant.now(), 0, "node" + (i % 5 + 1), LogLevel.INFO, "line " + i));
            }
        }, "producer");
        producer.start();
        producer.join(60_000);

        String last = "[node5] Chatty step: line " + (EVENTS - 1);
        Fx.await(Duration.ofSeconds(20), "the last line arrives",
                () -> !model.lines().isEmpty() && model.lines().get(model.size() - 1).formatted().equals(last));
        Fx.await(Duration.ofSeconds(10), "the last line on screen (follow-tail)", () -> new FxRobot()
                .lookup(".log-list .list-cell").queryAllAs(ListCell.class).stream()
                .anyMatch(c -> c.isVisible() && c.getText() != null && c.getText().endsWith(last)));

        assertThat(Fx.get(model::size)).isLessThanOrEqualTo(LiveLogViewModel.DEFAULT_CAPACITY);
        assertThat(Fx.get(() -> model.lines().get(0).text())).isNotEqualTo("line 0").as("oldest dropped");
        assertThat(Fx.get(() -> List.copyOf(model.hosts())))
                .containsExactly(LiveLogViewModel.ALL, "node1", "node2", "node3", "node4", "node5");
        assertThat(uiErrors).isEmpty();
    }
}
