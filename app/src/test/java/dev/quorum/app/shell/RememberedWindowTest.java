package dev.quorum.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window opens filling the screen the first time, where it was when it closed afterwards, and on the
 * screen when the remembered position is off it. Its own stages, so the shared primary stage keeps its size.
 */
class RememberedWindowTest {
    @TempDir
    Path dir;
    private Stage stage;

    @BeforeAll
    static void boot() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        if (stage != null) {
            Fx.run(stage::hide);
        }
    }

    private Stage open(QuorumHome home) {
        stage = Fx.get(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new Pane(), 640, 480));
            s.setMinWidth(MainWindow.MIN_WIDTH);
            s.setMinHeight(MainWindow.MIN_HEIGHT);
            RememberedWindow.place(s, home);
            s.show();
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return stage;
    }

    private static Rectangle2D bounds(Stage stage) {
        return Fx.get(() -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
    }

    @Test
    void theFirstTimeTheWindowFillsTheScreenThenItOpensWhereItWasLeft() {
        QuorumHome home = new QuorumHome(dir.resolve("home"));
        Rectangle2D screen = Fx.get(() -> Screen.getPrimary().getVisualBounds());

        assertThat(bounds(open(home))).as("nothing remembered: the screen's visual bounds").isEqualTo(screen);

        Fx.run(() -> {
            stage.setX(120);
            stage.setY(80);
            stage.setWidth(1111);
            stage.setHeight(777);
        });
        Fx.run(stage::hide);
        assertThat(home.root().resolve(WindowPlacementFile.NAME)).as("remembered on close").isRegularFile();

        assertThat(bounds(open(home))).isEqualTo(new Rectangle2D(120, 80, 1111, 777));
    }

    @Test
    void aRememberedPositionOffEveryScreenIsIgnored() throws Exception {
        QuorumHome home = new QuorumHome(dir.resolve("home"));
        Files.createDirectories(home.root());
        Files.writeString(home.root().resolve(WindowPlacementFile.NAME),
                "x=-5000\ny=3000\nwidth=1100\nheight=700\nmaximized=false\n");
        Rectangle2D screen = Fx.get(() -> Screen.getPrimary().getVisualBounds());

        Rectangle2D opened = bounds(open(home));

        assertThat(opened.getWidth()).as("the remembered size is kept").isEqualTo(1100);
        assertThat(opened.getHeight()).isEqualTo(700);
        assertThat(screen.contains(opened)).as("%s is on the screen %s", opened, screen).isTrue();
    }

    @Test
    void anUnreadableFileMeansNothingIsRemembered() throws Exception {
        QuorumHome home = new QuorumHome(dir.resolve("home"));
        Files.createDirectories(home.root());
        Files.writeString(home.root().resolve(WindowPlacementFile.NAME), "x=left\nwidth=-1\n");

        assertThat(bounds(open(home))).isEqualTo(Fx.get(() -> Screen.getPrimary().getVisualBounds()));
    }
}
