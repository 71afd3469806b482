package dev.quorum.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.shell.DisplayCheck;
import dev.quorum.app.shell.LaunchOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How Main picks the app or the CLI, and what it says without a display. */
class LaunchTest {

    record Exit(int code, String out, String err) {
    }

    /** Main in a fresh JVM with no display and no Monocle, as on a server. */
    private static Exit mainWithoutDisplay(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        process.getOutputStream().close();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
            throw new AssertionError("Main did not exit within 60 s");
        }
        return new Exit(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void withoutADisplayTheAppSaysHowToGetOneAndShowsTheCliUsage() throws Exception {
        Exit exit = mainWithoutDisplay();

        assertThat(exit.code()).isEqualTo(1);
        assertThat(exit.err()).contains("no display").contains("xvfb-run quorum gui").contains("Usage: quorum")
                .contains("sandbox");
    }

    @Test
    void guiWithAnUnknownOptionIsRefusedWithTheUsage() throws Exception {
        Exit exit = mainWithoutDisplay("gui", "--bogus");

        assertThat(exit.code()).isEqualTo(1);
        assertThat(exit.err()).contains("unknown or incomplete option for gui: --bogus").contains(LaunchOptions.USAGE);
    }

    @Test
    void aCommandStillGoesToTheCli() throws Exception {
        Exit exit = mainWithoutDisplay("--version");

        assertThat(exit.code()).isZero();
        assertThat(exit.out()).contains("quorum");
    }

    @Test
    void guiOptionsNameTheInventoryAndKnownHosts() {
        LaunchOptions options = LaunchOptions.parse(List.of("-i", "inv/hosts.yaml", "--known-hosts", "kh"));

        assertThat(options.error()).isEmpty();
        assertThat(options.inventory()).contains(Path.of("inv/hosts.yaml"));
        assertThat(options.knownHosts()).contains(Path.of("kh"));
        assertThat(LaunchOptions.parse(List.of("-i")).error()).isPresent();
        assertThat(LaunchOptions.parse(List.of("--help")).error()).hasValueSatisfying(
                text -> assertThat(text).contains(LaunchOptions.USAGE).contains("--known-hosts FILE"));
    }

    @Test
    void aDisplayIsX11WaylandOrMonocle() {
        assertThat(DisplayCheck.problem(Map.of("DISPLAY", ":0"), null)).isEmpty();
        assertThat(DisplayCheck.problem(Map.of("WAYLAND_DISPLAY", "wayland-0"), null)).isEmpty();
        assertThat(DisplayCheck.problem(Map.of(), "Monocle")).isEmpty();
        assertThat(DisplayCheck.problem(Map.of("DISPLAY", " "), null)).isPresent();
    }
}
