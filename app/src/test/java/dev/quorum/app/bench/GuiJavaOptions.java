package dev.quorum.app.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The desktop app's JVM options as users get them: the {@code --java-options} lines of the jpackage arguments
 * (the main launcher, the desktop app), which {@code ./quorum gui} reads too (decisions 0045, 0053), so a benchmark
 * measures the app as it is launched; and the CLI launcher's, which the app had before decision 0053.
 */
final class GuiJavaOptions {
    /** Beside docs/ ({@code quorum.docs}, set by the build), else from the app module's directory. */
    static final Path JPACKAGE = Path.of(System.getProperty("quorum.docs", "../docs")).resolveSibling("installer")
            .resolve("src/jpackage");
    static final Path ARGS = JPACKAGE.resolve("image-common.args");
    static final Path CLI = JPACKAGE.resolve("cli-launcher.properties");

    private GuiJavaOptions() {
    }

    static List<String> read() throws IOException {
        return Files.readAllLines(ARGS).stream()
                .map(String::strip)
                .filter(line -> line.startsWith("--java-options "))
                .map(line -> line.substring("--java-options ".length()).strip().replace("\"", ""))
                .toList();
    }

    /** The CLI launcher's options ({@code java-options} of its jpackage properties). */
    static List<String> cli() throws IOException {
        Properties launcher = new Properties();
        try (Reader in = Files.newBufferedReader(CLI)) {
            launcher.load(in);
        }
        return List.of(launcher.getProperty("java-options", "").strip().split("\\s+"));
    }
}
