package dev.quorum.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.shell.Fx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes the documentation's screenshots: a scene (or a wizard's window) as docs/images/NAME.png,
 * once layout and CSS have settled, and checks the file holds a real picture. A new screenshot
 * test is a @Tag("screenshots") class that brings a screen up and calls {@link #of(Stage, String)}.
 */
public final class Screenshot {
    /** The size wizards are shown at for the docs: big enough to read, small enough to stay well under 250 KB. */
    public static final double WIZARD_WIDTH = 1100;
    public static final double WIZARD_HEIGHT = 720;

    private Screenshot() {
    }

    /** docs/images of the checkout (the build passes -Dquorum.docs; ../docs from app/ otherwise). */
    public static Path images() {
        return Path.of(System.getProperty("quorum.docs", "../docs")).resolve("images");
    }

    /** Snapshots the scene to docs/images/{@code name} (a .png name) and returns the file. */
    public static Path of(Scene scene, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        Fx.sleep(300); // a couple of pulses, so layout and CSS have settled
        WritableImage image = Fx.get(() -> scene.snapshot(null));
        Path file = images().resolve(name);
        Png.write(image, file);
        // An empty or blank page compresses to a few KB: a real screen is well over that.
        assertThat(Files.size(file)).as(name + " holds a real picture").isGreaterThan(10_000);
        return file;
    }

    public static Path of(Stage stage, String name) throws IOException {
        return of(Fx.get(stage::getScene), name);
    }

    /** Sizes a wizard's window for the docs. UI thread (call from the opener). */
    public static Stage sized(Stage wizard) {
        wizard.setWidth(WIZARD_WIDTH);
        wizard.setHeight(WIZARD_HEIGHT);
        return wizard;
    }
}
