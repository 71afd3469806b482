package dev.quorum.app.backups;

import dev.quorum.app.common.TaskExecutor;
import java.time.Duration;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

/** A {@link Ticker} on the JavaFX pulse: the tick runs on the UI thread; cancelling stops the timeline and frees it. */
public final class FxTicker implements Ticker {
    @Override
    public TaskExecutor.Cancellable every(Duration period, Runnable tick) {
        Timeline timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(period.toMillis()), e -> tick.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
        return timeline::stop;
    }
}
