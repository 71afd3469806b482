package dev.quorum.app.shell;

import dev.quorum.core.workspace.QuorumHome;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's last placement, in {@code window.properties} in the Quorum folder (not java.util.prefs: that is
 * per user, and would carry one test's window into the next). A missing, unreadable or invalid file means nothing
 * is remembered; a file that cannot be written is logged and skipped: the window's size is not worth an error.
 */
final class WindowPlacementFile {
    private static final Logger LOG = LoggerFactory.getLogger(WindowPlacementFile.class);
    static final String NAME = "window.properties";

    private final Path file;

    WindowPlacementFile(QuorumHome home) {
        this.file = home.root().resolve(NAME);
    }

    Path path() {
        return file;
    }

    Optional<WindowPlacement> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(reader);
            return Optional.of(new WindowPlacement(number(values, "x"), number(values, "y"), number(values, "width"),
                    number(values, "height"), Boolean.parseBoolean(values.getProperty("maximized", "false"))));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Ignoring the remembered window placement in {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    void write(WindowPlacement placement) {
        Properties values = new Properties();
        values.setProperty("x", Double.toString(placement.x()));
        values.setProperty("y", Double.toString(placement.y()));
        values.setProperty("width", Double.toString(placement.width()));
        values.setProperty("height", Double.toString(placement.height()));
        values.setProperty("maximized", Boolean.toString(placement.maximized()));
        try {
            if (!Files.isDirectory(file.getParent())) {
                QuorumHome.privateDirectory(file.getParent());
            }
            Path partial = file.resolveSibling(NAME + ".partial");
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                values.store(writer, "The Quorum main window's last placement");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not remember the window placement in {}: {}", file, e.getMessage());
        }
    }

    /** A number, or IllegalArgumentException naming the key (missing or not a number). */
    private static double number(Properties values, String key) {
        String text = values.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException(key + " is missing");
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number: " + text);
        }
    }
}
