package dev.quorum.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The desktop app's JVM options as users get them: the {@code --java-options} lines of the jpackage arguments,
 * which {@code ./quorum gui} reads too (decision 0045), so a benchmark measures the app as it is launched.
 */
final class GuiJavaOptions {
    /** Beside docs/ ({@code quorum.docs}, set by the build), else from the app module's directory. */
    static final Path ARGS = Path.of(System.getProperty("quorum.docs", "../docs")).resolveSibling("installer")
            .resolve("src/jpackage/image-common.args");

    private GuiJavaOptions() {
    }

    static List<String> read() throws IOException {
        return Files.readAllLines(ARGS).stream()
                .map(String::strip)
                .filter(line -> line.startsWith("--java-options "))
                .map(line -> line.substring("--java-options ".length()).strip().replace("\"", ""))
                .toList();
    }
}
