package dev.quorum.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.EtcdRoutePolicy;
import dev.quorum.core.cluster.TunnelReason;
import dev.quorum.core.etcd.EtcdAdmin;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cluster session whose etcd goes through SSH, against a real sshd on loopback standing in for a member
 * host: its etcd clients open tunnels, one per host however many clients, and closing the session ends them
 * all, session after session. No etcd listens behind the tunnel; what is checked is the plumbing (the lab's
 * EtcdThroughSshLabTest talks to a real etcd).
 */
class EtcdTunnelSessionTest {
    private static TestSshd sshd;
    private static Path knownHosts;
    private static Inventory inventory;
    private static QuorumHome home;

    @BeforeAll
    static void start() throws Exception {
        sshd = TestSshd.start();
        knownHosts = sshd.dir.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
        Path file = sshd.dir.resolve("hosts.yaml");
        Files.writeString(file, """
                all:
                  hosts:
                    h1: {ansible_host: 127.0.0.1, ansible_port: %d, ansible_user: root, ansible_ssh_private_key_file: %s}
                  children:
                    etcd:
                      hosts:
                        h1:
                """.formatted(sshd.port, sshd.clientKey));
        inventory = new InventoryReader().read(file);
        home = new QuorumHome(sshd.dir.resolve("home"));
    }

    @AfterAll
    static void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    private static long threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .count();
    }

    private static void touchEtcd(EtcdAdmin etcd) {
        // Nothing answers behind the tunnel: the call fails, after having gone through it.
        etcd.versions("https://127.0.0.1:2379").handle((v, e) -> null).orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void sessionsOpenTunnelsOncePerHostAndCloseLeavesNone() {
        for (int i = 0; i < 8; i++) {
            try (ClusterSession session = new ClusterSession(inventory, home, new SshConnector(sshd.options(knownHosts)),
                    EtcdRoutePolicy.SSH_ALWAYS)) {
                assertThat(session.etcdRoutes().tunnelled()).containsExactly("h1");
                assertThat(session.etcdRoutes().reason()).contains(TunnelReason.REQUESTED);
                touchEtcd(session.sharedEtcd());
                try (EtcdAdmin another = session.etcd()) {
                    touchEtcd(another);
                }
                assertThat(threads(PortForward.THREAD_PREFIX + "h1-accept")).as("one listener for the host").isOne();
            }
            assertThat(threads(PortForward.THREAD_PREFIX)).as("session %d left forward threads", i).isZero();
        }
    }

    @Test
    void aDirectOnlySessionOpensNoTunnel() {
        try (ClusterSession session = new ClusterSession(inventory, home, new SshConnector(sshd.options(knownHosts)))) {
            assertThat(session.etcdRoutes().anyTunnelled()).isFalse();
            touchEtcd(session.sharedEtcd());
            assertThat(threads(PortForward.THREAD_PREFIX)).isZero();
        }
    }
}
