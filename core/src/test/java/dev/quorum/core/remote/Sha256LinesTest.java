package dev.quorum.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fragment, run by the local sh: the same lines as sha256sum's, with OpenSSL and without it. */
class Sha256LinesTest {
    @TempDir
    Path dir;

    @Test
    void printsSha256sumsLinesForTheFilesThatCanBeRead() throws Exception {
        Path spaced = Files.writeString(dir.resolve("my etcd"), "binary etcd");
        Path plain = Files.writeString(dir.resolve("etcdctl"), "binary etcdctl");
        List<String> paths = List.of(spaced.toString(), dir.resolve("missing").toString(), plain.toString());
        String expected = sh("sha256sum \"$@\" 2>/dev/null; true", paths);

        assertThat(expected.lines()).hasSize(2);
        assertThat(sh("command -v openssl", List.of())).as("openssl on this machine").isNotBlank();
        assertThat(sh(Sha256Lines.of(paths) + " 2>/dev/null", List.of())).isEqualTo(expected);
        assertThat(sh("PATH=" + Shell.quote(withoutOpenssl().toString()) + "\n" + Sha256Lines.of(paths)
                + " 2>/dev/null", List.of())).isEqualTo(expected);
    }

    private Path withoutOpenssl() throws Exception {
        Path path = Files.createDirectories(dir.resolve("path"));
        try (var tools = Files.list(Path.of("/usr/bin"))) {
            for (Path tool : tools.filter(t -> !t.getFileName().toString().equals("openssl")).toList()) {
                Files.createSymbolicLink(path.resolve(tool.getFileName()), tool);
            }
        }
        return path;
    }

    private static String sh(String script, List<String> arguments) throws Exception {
        List<String> words = new java.util.ArrayList<>(List.of("sh", "-c", script, "sh"));
        words.addAll(arguments);
        Process process = new ProcessBuilder(words).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.toString(StandardCharsets.UTF_8);
    }
}
