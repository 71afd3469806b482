package dev.quorum.app.shell;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * For the startup benchmark only ({@code -Dquorum.firstFrameProbe=true}): prints the time from
 * JVM start to the first frame the window renders, then quits.
 */
final class FirstFrameProbe {
    static final String PROPERTY = "quorum.firstFrameProbe";

    private FirstFrameProbe() {
    }

    static void installIfAsked() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("quorum: first frame " + millis + " ms after JVM start");
                System.out.flush();
                Platform.exit();
            }
        }.start();
    }
}
