package dev.quorum.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The two launchers' JVM options as jpackage reads them (decision 0053): the desktop app (the main launcher) runs
 * C1 only, the CLI keeps C2, and otherwise the two do not drift apart; /usr/bin/quorum links to the CLI.
 */
class LauncherOptionsTest {
    static final Path JPACKAGE = Path.of("src/jpackage");
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    static List<String> desktopOptions() throws IOException {
        return Files.readAllLines(JPACKAGE.resolve("image-common.args")).stream().map(String::strip)
                .filter(line -> line.startsWith("--java-options ")).map(line -> line.substring(15).strip()).toList();
    }

    static Properties cliLauncher() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(JPACKAGE.resolve("cli-launcher.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void theDesktopAppRunsC1OnlyAndTheCliKeepsC2WithOtherwiseTheSameOptions() throws IOException {
        List<String> desktop = desktopOptions();
        List<String> cli = List.of(cliLauncher().getProperty("java-options").strip().split("\\s+"));

        assertThat(desktop).contains(C1_ONLY, "-XX:+UseSerialGC", "-Xms32m");
        assertThat(cli).doesNotContain(C1_ONLY);
        List<String> withoutC1 = new ArrayList<>(desktop);
        withoutC1.remove(C1_ONLY);
        assertThat(cli).containsExactlyElementsOf(withoutC1);
    }

    @Test
    void theCliIsAnAddedLauncherAndWhatUsrBinQuorumLinksTo() throws IOException {
        assertThat(Files.readAllLines(JPACKAGE.resolve("image-common.args")))
                .contains("--add-launcher quorum-cli=src/jpackage/cli-launcher.properties");
        assertThat(cliLauncher().stringPropertyNames()).containsExactly("java-options");
        assertThat(Files.readString(JPACKAGE.resolve("linux/package/postinst")))
                .contains("ln -sfn /opt/quorum/bin/quorum-cli /usr/bin/quorum");
        assertThat(Files.readString(JPACKAGE.resolve("linux/package/quorum-cli.desktop")))
                .as("the CLI's desktop entry (jpackage gives every launcher one) stays out of the menu")
                .contains("NoDisplay=true");
    }
}
