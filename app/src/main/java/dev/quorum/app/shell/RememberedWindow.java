package dev.quorum.app.shell;

import dev.quorum.core.workspace.QuorumHome;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Opens the main window where it was when it last closed, or filling the primary screen's visual bounds (the
 * maximized size, without the desktop's panels) the first time; remembers its placement when it closes.
 * Reading and writing a file of a few lines on the UI thread is deliberate: once before the first frame (else
 * the window would jump), once while it closes.
 */
final class RememberedWindow {
    private RememberedWindow() {
    }

    static void place(Stage stage, QuorumHome home) {
        WindowPlacementFile file = new WindowPlacementFile(home);
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        WindowPlacement placement = WindowPlacement.opening(file.read(), screens,
                Screen.getPrimary().getVisualBounds(), MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT);
        stage.setX(placement.x());
        stage.setY(placement.y());
        stage.setWidth(placement.width());
        stage.setHeight(placement.height());
        stage.setMaximized(placement.maximized());
        // Hiding, not hidden: the bounds are still the window's own.
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> {
            try {
                file.write(new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                        stage.isMaximized()));
            } catch (IllegalArgumentException notPlaced) {
                // no bounds yet (never shown): nothing to remember, the last placement stays
            }
        });
    }
}
