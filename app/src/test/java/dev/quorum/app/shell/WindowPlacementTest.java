package dev.quorum.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Where the main window opens, from what was remembered and the screens there are now. */
class WindowPlacementTest {
    private static final Rectangle2D PRIMARY = new Rectangle2D(0, 0, 1600, 972); // 1600x1000 less a 28 px panel
    private static final Rectangle2D RIGHT = new Rectangle2D(1600, 0, 1280, 1024);

    private static WindowPlacement opening(WindowPlacement remembered, Rectangle2D... screens) {
        return WindowPlacement.opening(Optional.ofNullable(remembered), List.of(screens), PRIMARY,
                MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT);
    }

    @Test
    void nothingRememberedFillsThePrimaryScreensVisualBounds() {
        assertThat(opening(null, PRIMARY)).isEqualTo(new WindowPlacement(0, 0, 1600, 972, false));
    }

    @Test
    void aScreenSmallerThanTheWindowsMinimumStillGetsTheMinimum() {
        Rectangle2D small = new Rectangle2D(0, 0, 800, 600);

        WindowPlacement placement = WindowPlacement.opening(Optional.empty(), List.of(small), small,
                MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT);

        assertThat(placement.width()).isEqualTo(MainWindow.MIN_WIDTH);
        assertThat(placement.height()).isEqualTo(MainWindow.MIN_HEIGHT);
    }

    @Test
    void theRememberedPlacementIsRestoredOnAnyScreen() {
        WindowPlacement onRight = new WindowPlacement(1700, 40, 1100, 800, false);

        assertThat(opening(onRight, PRIMARY, RIGHT)).isEqualTo(onRight);
        assertThat(opening(new WindowPlacement(50, 60, 1200, 700, true), PRIMARY))
                .isEqualTo(new WindowPlacement(50, 60, 1200, 700, true));
    }

    @Test
    void aPositionOffEveryScreenIsIgnoredAndTheSizeCentredOnThePrimary() {
        WindowPlacement onUnpluggedMonitor = new WindowPlacement(1700, 40, 1100, 800, false);

        assertThat(opening(onUnpluggedMonitor, PRIMARY)).isEqualTo(new WindowPlacement(250, 86, 1100, 800, false));
    }

    @Test
    void aTitleBarAboveTheScreenOrBarelyOnItCountsAsOff() {
        assertThat(opening(new WindowPlacement(100, -200, 1100, 800, false), PRIMARY).y()).isEqualTo(86);
        assertThat(opening(new WindowPlacement(1550, 100, 1100, 800, false), PRIMARY).x())
                .as("only 50 px of the title bar on the screen").isEqualTo(250);
    }

    @Test
    void aRememberedSizeIsKeptWithinItsScreenAndAboveTheMinimum() {
        assertThat(opening(new WindowPlacement(0, 0, 3000, 2000, false), PRIMARY))
                .isEqualTo(new WindowPlacement(0, 0, 1600, 972, false));
        assertThat(opening(new WindowPlacement(10, 10, 300, 200, false), PRIMARY))
                .isEqualTo(new WindowPlacement(10, 10, MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT, false));
    }

    @Test
    void boundsThatAreNoWindowsAreRefused() {
        assertThatThrownBy(() -> new WindowPlacement(Double.NaN, 0, 100, 100, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WindowPlacement(0, 0, -5, 100, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
