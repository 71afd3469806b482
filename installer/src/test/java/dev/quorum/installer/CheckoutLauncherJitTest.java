package dev.quorum.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JIT each command gets from the checkout's launcher {@code ./quorum}, as the JVM reports its flags: the
 * read-only commands C1 alone (decision 0036), install and restore C2 for their very hot loops only (decision 0064),
 * the other commands the JVM's defaults. Runs {@code COMMAND --help}, which changes nothing; needs the app's jar,
 * which the build packages before this module's tests.
 */
class CheckoutLauncherJitTest {
    private static final Path LAUNCHER = Path.of("../quorum");

    @TempDir
    Path home;

    @Test
    void readOnlyCommandsRunOnC1Alone() {
        for (List<String> command : List.of(List.of("status"), List.of("diagnose"), List.of("backup", "list"))) {
            assertThat(flags(command)).as(String.join(" ", command)).containsEntry("TieredStopAtLevel", "1");
        }
    }

    @Test
    void installAndRestoreGiveC2OnlyTheirHotLoops() {
        for (List<String> command : List.of(List.of("install"), List.of("restore"))) {
            assertThat(flags(command)).as(String.join(" ", command)).containsEntry("TieredStopAtLevel", "4")
                    .containsEntry("Tier4InvocationThreshold", "50000").containsEntry("Tier4MinInvocationThreshold", "20000")
                    .containsEntry("Tier4CompileThreshold", "60000").containsEntry("Tier4BackEdgeThreshold", "400000");
        }
    }

    @Test
    void otherCommandsThatMoveFilesKeepTheJvmsDefaults() {
        for (List<String> command : List.of(List.of("snapshot", "save"), List.of("upgrade"))) {
            assertThat(flags(command)).as(String.join(" ", command)).containsEntry("TieredStopAtLevel", "4")
                    .containsEntry("Tier4InvocationThreshold", "5000");
        }
    }

    private Map<String, String> flags(List<String> command) {
        List<String> line = new java.util.ArrayList<>(List.of("bash", LAUNCHER.toString()));
        line.addAll(command);
        line.add("--help");
        Cmd.Result result = Cmd.run(Duration.ofSeconds(120),
                Map.of("QUORUM_JAVA_OPTS", "-XX:+PrintFlagsFinal", "QUORUM_HOME", home.toString()), line);
        assertThat(result.exit()).as(result.describe()).isZero();
        Map<String, String> flags = new java.util.HashMap<>();
        Matcher m = FLAG.matcher(result.out());
        while (m.find()) {
            flags.put(m.group(1), m.group(2));
        }
        assertThat(flags).as("the JVM's flags in " + result.describe()).containsKey("TieredStopAtLevel");
        return flags;
    }

    /** A line of -XX:+PrintFlagsFinal: type, name, "=", value, origin. */
    private static final Pattern FLAG = Pattern.compile("(?m)^\\s*\\w+\\s+(\\w+)\\s+:?=\\s+(\\S+)");
}
