package dev.quorum.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunListener;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunResult;
import dev.quorum.core.engine.Runner;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.lifecycle.install.InstallPlan;
import dev.quorum.core.workspace.QuorumHome;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * lab1 and lab2 ({@code lab.host(0)}, {@code lab.host(1)}) drop SSH from the workstation (the bridge's .1)
 * while lab3, the bastion, still reaches them: Quorum gets there only through lab3, with every host key checked, and a bastion that is down
 * is named as such.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JumpHostLabTest {
    static Lab lab;
    @TempDir
    static Path dir;
    static JumpHost bastion;

    @BeforeAll
    static void blockSshFromTheWorkstation() {
        LabHost jump = lab.host(2);
        bastion = new JumpHost(jump.address(), 22, "root", Optional.of(lab.privateKey()));
        lab.host(0).blockFromTool(22);
        lab.host(1).blockFromTool(22);
    }

    @AfterAll
    static void unblock() {
        if (lab != null) {
            lab.host(0).unblockFromTool();
            lab.host(1).unblockFromTool();
            lab.host(2).healLink();
        }
    }

    private static SshOptions ssh() {
        return SshOptions.defaults().withKnownHostsFile(lab.knownHosts()).withIdentityFiles(List.of(lab.privateKey()))
                .withAgentSocket(Optional.empty()).withConnectTimeout(Duration.ofSeconds(3));
    }

    private static SshTarget direct(LabHost host) {
        return new SshTarget(host.address(), 22, "root", Optional.of(lab.privateKey()));
    }

    @Test
    @Order(1)
    void theBlockedHostsAreUnreachableDirectly() {
        try (SshConnector connector = new SshConnector(ssh())) {
            assertThatThrownBy(() -> connector.connect("lab1", direct(lab.host(0))))
                    .isInstanceOf(HostUnreachableException.class)
                    .isNotInstanceOf(BastionUnreachableException.class)
                    .hasMessageStartingWith("Cannot reach lab1 at " + lab.host(0).address() + ":22");
        }
    }

    @Test
    @Order(2)
    void commandsRunThroughTheBastion() {
        try (SshConnector connector = new SshConnector(ssh())) {
            for (int i = 0; i <= 1; i++) {
                LabHost host = lab.host(i);
                RemoteHost remote = connector.connect(host.name(), direct(host).withJump(Optional.of(bastion)));
                assertThat(remote.run("hostname").stdout().strip()).isEqualTo(host.name());
            }
        }
    }

    @Test
    @Order(3)
    void installPreflightSucceedsThroughTheInventorysBastion() throws Exception {
        Path file = Files.writeString(dir.resolve("hosts.yaml"), inventoryWithBastion());
        Inventory inventory = new InventoryReader().read(file);
        assertThat(inventory.etcdJumps()).containsExactly(bastion);
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        RunResult result;
        try (ClusterSession session = new ClusterSession(inventory, new QuorumHome(dir.resolve("home")),
                new SshConnector(ssh()))) {
            result = new Runner(events::add, 2, new Cancellation())
                    .run(InstallPlan.preflight(session, List.of("lab1", "lab2")), RunMode.APPLY);
        }
        assertThat(result.succeeded()).as(events.stream().map(Object::toString).toList().toString()).isTrue();
    }

    @Test
    @Order(4)
    void aBastionThatIsDownIsNamed() {
        lab.host(2).cutLink();
        try (SshConnector connector = new SshConnector(ssh())) {
            assertThatThrownBy(() -> connector.connect("lab1", direct(lab.host(0)).withJump(Optional.of(bastion))))
                    .isInstanceOf(BastionUnreachableException.class)
                    .hasMessageStartingWith("Cannot reach lab1: its bastion root@" + bastion.address()
                            + " is unreachable");
        } finally {
            lab.host(2).healLink();
        }
    }

    /** Kubespray's form: a host named bastion in the bastion group; lab1 and lab2 are the etcd group. */
    private static String inventoryWithBastion() {
        String key = lab.privateKey().toString();
        StringBuilder y = new StringBuilder("all:\n  hosts:\n");
        for (int i = 0; i <= 1; i++) {
            LabHost h = lab.host(i);
            y.append("    ").append(h.name()).append(": {ansible_host: ").append(h.address()).append(", ip: ")
                    .append(h.address()).append(", ansible_user: root, ansible_ssh_private_key_file: \"").append(key)
                    .append("\"}\n");
        }
        y.append("  children:\n    bastion:\n      hosts:\n        bastion: {ansible_host: ")
                .append(lab.host(2).address()).append(", ansible_user: root, ansible_ssh_private_key_file: \"")
                .append(key).append("\"}\n");
        y.append("    etcd:\n      hosts:\n        lab1:\n        lab2:\n");
        return y.toString();
    }
}
