package dev.quorum.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector's way through a bastion against a real sshd on loopback, which serves as its own bastion
 * (a direct-tcpip channel from it back to its own port): commands run, and each end that cannot be reached
 * is named. The lab test (JumpHostLabTest) covers hosts that only the bastion reaches.
 */
class JumpThroughSshdTest {
    private static TestSshd sshd;
    private static Path knownHosts;

    @BeforeAll
    static void start() throws Exception {
        sshd = TestSshd.start();
        knownHosts = sshd.dir.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
    }

    @AfterAll
    static void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    private static JumpHost bastion(int port) {
        return new JumpHost("127.0.0.1", port, "root", Optional.of(sshd.clientKey));
    }

    @Test
    void runsCommandsThroughTheBastionAndCloseEndsThem() {
        SshTarget through = sshd.root().withJump(Optional.of(bastion(sshd.port)));
        SshRemoteHost first;
        try (SshConnector connector = new SshConnector(sshd.options(knownHosts))) {
            first = (SshRemoteHost) connector.connect("h1", through);
            RemoteHost second = connector.connect("h2", through);
            assertThat(first.run("echo one").stdout()).isEqualTo("one\n");
            assertThat(second.run("echo two").stdout()).isEqualTo("two\n");
        }
        assertThat(first.isConnected()).isFalse();
    }

    @Test
    void anUnreachableBastionIsNamed() throws Exception {
        int closed = TestSshd.freePort();
        SshTarget through = sshd.root().withJump(Optional.of(bastion(closed)));
        try (SshConnector connector = new SshConnector(sshd.options(knownHosts))) {
            assertThatThrownBy(() -> connector.connect("h1", through))
                    .isInstanceOf(BastionUnreachableException.class)
                    .hasMessageStartingWith("Cannot reach h1: its bastion root@127.0.0.1:" + closed
                            + " is unreachable: ConnectException");
        }
    }

    @Test
    void aHostTheBastionCannotReachNamesBoth() throws Exception {
        int closed = TestSshd.freePort();
        SshTarget target = new SshTarget("127.0.0.1", closed, "root", Optional.of(sshd.clientKey),
                Optional.of(bastion(sshd.port)));
        try (SshConnector connector = new SshConnector(sshd.options(knownHosts))) {
            assertThatThrownBy(() -> connector.connect("h1", target))
                    .isInstanceOf(HostUnreachableException.class)
                    .isNotInstanceOf(BastionUnreachableException.class)
                    .hasMessageStartingWith("Cannot reach h1 at 127.0.0.1:" + closed + " through the bastion root@127.0.0.1:"
                            + sshd.port + ": the bastion could not connect to it (OpenFailException");
        }
    }

    @Test
    void theBastionsHostKeyIsCheckedLikeAnyHosts() throws Exception {
        Path empty = Files.writeString(sshd.dir.resolve("known_hosts_empty"), "");
        SshTarget through = sshd.root().withJump(Optional.of(bastion(sshd.port)));
        try (SshConnector connector = new SshConnector(sshd.options(empty))) {
            assertThatThrownBy(() -> connector.connect("h1", through))
                    .isInstanceOf(UnknownHostKeyException.class)
                    .hasMessageContaining("bastion 127.0.0.1:" + sshd.port);
        }
    }
}
