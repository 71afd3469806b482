package dev.quorum.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.remote.RemoteException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Several files in one exchange: each path quoted once, each answer on its own line in the order asked. */
class HostFileReadsTest {

    @Test
    void eachPathIsOnePositionalParameterQuotedOnce() {
        String command = HostFileReads.command(List.of("/etc/etcd.env", "/etc/it's here"));

        assertThat(command).startsWith("set -- /etc/etcd.env '/etc/it'\\''s here'; for p do");
        assertThat(command).endsWith(HostFileReads.SCRIPT);
    }

    @Test
    void aRelativePathIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> HostFileReads.command(List.of("etc/etcd.env")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answersAreMatchedToPathsInOrderWithContentAndMode() {
        String env = "ETCD_NAME=etcd1\nETCD_DATA_DIR=/var/lib/etcd\n";
        String out = "file 640 " + base64(env) + "\nmissing\nfile 600 \n";

        Map<String, Optional<HostFile>> files = HostFileReads.parse("node1",
                List.of("/etc/etcd.env", "/etc/ssl/etcd/ssl/ca.pem", "/etc/empty"), out);

        assertThat(files.get("/etc/etcd.env")).contains(new HostFile(env, "640"));
        assertThat(files.get("/etc/ssl/etcd/ssl/ca.pem")).isEmpty();
        assertThat(files.get("/etc/empty")).contains(new HostFile("", "600"));
        assertThat(files.get("/etc/etcd.env").orElseThrow().hasMode("0640")).isTrue();
    }

    @Test
    void anUnreadableFileOrAShortAnswerIsAnErrorNotAMissingFile() {
        assertThatThrownBy(() -> HostFileReads.parse("node1", List.of("/etc/etcd.env"), "unreadable\n"))
                .isInstanceOf(RemoteException.class).hasMessageContaining("cannot read /etc/etcd.env on node1");
        assertThatThrownBy(() -> HostFileReads.parse("node1", List.of("/a", "/b"), "missing\n"))
                .isInstanceOf(RemoteException.class).hasMessageContaining("gave 1 answers");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
