package dev.quorum.app.shell;

import dev.quorum.app.common.TaskExecutor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.testfx.api.FxToolkit;

/**
 * The main windows a test opened, closed the way the app closes its own ({@link QuorumApp#stop}): every window
 * disposed on the UI thread, then the stages cleaned up, then the executor shut down. A window left undisposed keeps
 * its cluster's timers (the Backups tab's minute health tick) on the UI pulse, and TestFX reports what they throw
 * later as a failure of whichever test is running then.
 */
public final class TestWindows {
    private final List<MainWindow> open = new CopyOnWriteArrayList<>();

    /** A window on {@code services} that {@link #dispose()} will close; create it on the UI thread as the app does. */
    public MainWindow open(ShellServices services) {
        MainWindow window = new MainWindow(services);
        open.add(window);
        return window;
    }

    /** Disposes every window opened so far (disposing twice is harmless); for a test that closes its window itself. */
    public void dispose() {
        List<MainWindow> closing = List.copyOf(open);
        open.clear();
        if (!closing.isEmpty()) {
            Fx.run(() -> closing.forEach(MainWindow::dispose));
        }
    }

    /** The teardown: windows disposed, stages cleaned up, then {@code executor} (may be null) shut down. */
    public void close(TaskExecutor executor) throws TimeoutException {
        try {
            dispose();
        } finally {
            FxToolkit.cleanupStages();
            if (executor != null) {
                executor.shutdown();
            }
        }
    }
}
