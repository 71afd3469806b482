package dev.quorum.app.shell;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where and how large the main window is: remembered when it closes, and where it opens next time. Pure: the
 * screens are given, so the rules are tested without a display.
 */
record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
    /** The strip along the window's top edge that must be on a screen, so the title bar can be grabbed. */
    private static final double TITLE_BAR = 30;
    private static final double GRIP = 100;

    WindowPlacement {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !(width > 0) || !(height > 0)
                || width > 100_000 || height > 100_000) {
            throw new IllegalArgumentException("not a window's bounds: " + x + "," + y + " " + width + "x" + height);
        }
    }

    /**
     * The remembered placement where its title bar is on one of {@code screens} (their visual bounds), its size kept
     * within that screen; a remembered size alone, centred on the primary screen, where the position is off every
     * screen (a monitor unplugged); the primary screen's visual bounds when nothing is remembered. Never smaller than
     * the window's minimum size.
     */
    static WindowPlacement opening(Optional<WindowPlacement> remembered, List<Rectangle2D> screens,
                                   Rectangle2D primary, double minWidth, double minHeight) {
        if (remembered.isEmpty()) {
            return new WindowPlacement(primary.getMinX(), primary.getMinY(), Math.max(minWidth, primary.getWidth()),
                    Math.max(minHeight, primary.getHeight()), false);
        }
        WindowPlacement last = remembered.get();
        Optional<Rectangle2D> on = screens.stream().filter(last::titleBarOn).findFirst();
        Rectangle2D screen = on.orElse(primary);
        double width = Math.max(minWidth, Math.min(last.width, screen.getWidth()));
        double height = Math.max(minHeight, Math.min(last.height, screen.getHeight()));
        if (on.isEmpty()) {
            return new WindowPlacement(primary.getMinX() + Math.max(0, (primary.getWidth() - width) / 2),
                    primary.getMinY() + Math.max(0, (primary.getHeight() - height) / 2), width, height, last.maximized);
        }
        return new WindowPlacement(last.x, last.y, width, height, last.maximized);
    }

    /** At least {@link #GRIP} px of the title bar (or all of it, if narrower) lie on {@code screen}, its top on it. */
    private boolean titleBarOn(Rectangle2D screen) {
        double left = Math.max(x, screen.getMinX());
        double right = Math.min(x + width, screen.getMaxX());
        boolean topOnScreen = y >= screen.getMinY() && y + TITLE_BAR <= screen.getMaxY();
        return topOnScreen && right - left >= Math.min(GRIP, width);
    }
}
