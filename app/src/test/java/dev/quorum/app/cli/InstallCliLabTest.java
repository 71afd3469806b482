package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the README promises: `quorum install`, then `quorum status`, on lab hosts, through the real CLI. */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallCliLabTest {
    static Lab lab;
    @RegisterExtension
    static final CliLabCluster cli = CliLabCluster.notInstalled(3).withEmptyKnownHosts();

    @Test
    @Order(1)
    void unknownHostKeysAreRefusedUntilAccepted() {
        CliContractTest.Run refused = cli.quorum("install", "--yes");

        assertThat(refused.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.err()).startsWith("quorum: lab").contains("SHA256:").contains("--accept-new-host-keys");
        assertThat(refused.out()).contains("FAILED");
    }

    @Test
    @Order(2)
    void planShowsStepsCommandsAndWhatWouldChange() {
        CliContractTest.Run plan = cli.quorum("install", "--plan", "--accept-new-host-keys");

        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("Plan: install on cluster").contains("$ systemctl daemon-reload")
                .contains("change ").contains("plan ready; nothing was changed");
        assertThat(lab.host(0).fileExists("/etc/etcd.env")).isFalse();
    }

    @Test
    @Order(3)
    void installsAndReportsEachStep() {
        CliContractTest.Run install = cli.quorum("install", "--yes");

        assertThat(install.exit()).as(install.out() + install.err()).isZero();
        assertThat(install.out()).contains("[12/15] Add the etcd CA to the hosts' system trust")
                .contains("[15/15] Set ETCD_INITIAL_CLUSTER_STATE=existing")
                .contains("changed  lab1").contains("cluster healthy: 3/3 healthy, tolerates 1 failure")
                .contains("Run log: ");
        assertThat(Stream.of(install.out().split("\n")).filter(l -> l.startsWith("done: "))).hasSize(1);
    }

    @Test
    @Order(4)
    void statusShowsMembersLeaderHealthAndVersions() throws Exception {
        EtcdTarball tarball = EtcdTarball.get();
        String version = tarball.version().substring(1);
        CliContractTest.Run table = cli.quorum("status");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow()).contains("3/3 healthy, tolerates 1 failure");
        assertThat(table.out().lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("Versions: etcd " + tarball.version() + ", cluster version " + tarball.line());
        assertThat(table.out()).contains("leader").contains("follower").contains(" " + version + " ");

        CliContractTest.Run json = cli.quorum("status", "--json");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("healthy").asBoolean()).isTrue();
        assertThat(root.get("members")).hasSize(3);
        assertThat(root.get("leader").asText()).startsWith("etcd");
        assertThat(root.get("members").get(0).get("dbSize").asLong()).isPositive();
        assertThat(root.get("members").get(0).get("version").asText()).isEqualTo(version);
        assertThat(root.get("clusterVersion").asText()).isEqualTo(tarball.line());
        assertThat(root.get("mixedVersions").asBoolean()).isFalse();
        assertThat(root.get("versions")).extracting(JsonNode::asText).containsExactly(version);
    }

    @Test
    @Order(5)
    void aSecondInstallSaysNoChanges() {
        CliContractTest.Run again = cli.quorum("install", "--yes");

        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("done, no changes: ").doesNotContain("changed  ");
    }

    @Test
    @Order(6)
    void statusOfAStoppedMemberSaysSoAndFails() throws Exception {
        // a follower: stopping the leader may leave the others without one for an election, and status says so
        LabHost stopped = follower();
        stopped.exec("systemctl stop etcd").requireOk("stop etcd");
        try {
            CliContractTest.Run status = cli.quorum("status");
            assertThat(status.exit()).isEqualTo(ExitCodes.FAILED);
            assertThat(status.out().lines().findFirst().orElseThrow()).contains("2/3 healthy, tolerates 0 failures");
            assertThat(status.out()).contains("UNREACHABLE");
        } finally {
            stopped.exec("systemctl start etcd");
        }
    }

    private static LabHost follower() throws Exception {
        JsonNode root = new ObjectMapper().readTree(cli.quorum("status", "--json").out());
        String leader = root.get("leader").asText();
        for (JsonNode member : root.get("members")) {
            if (!member.get("name").asText().equals(leader)) {
                String host = member.get("host").asText();
                return lab.hosts().stream().filter(h -> h.name().equals(host)).findFirst().orElseThrow();
            }
        }
        throw new AssertionError("no follower in " + root.toPrettyString());
    }

    @Test
    @Order(7)
    void statusSaysWhenEtcdIsReachedThroughSshTunnels() throws Exception {
        awaitHealthy();
        CliContractTest.Run asked = cli.quorum("status", "--etcd-via-ssh");
        assertThat(asked.exit()).as(asked.err()).isZero();
        assertThat(asked.out()).contains("etcd reached through SSH tunnels (--etcd-via-ssh)");

        lab.hosts().forEach(h -> h.blockFromTool(2379));
        try {
            CliContractTest.Run table = cli.quorum("status");
            assertThat(table.exit()).as(table.err()).isZero();
            assertThat(table.out().lines().findFirst().orElseThrow()).contains("3/3 healthy");
            assertThat(table.out()).contains("etcd reached through SSH tunnels (client port 2379 not reachable from here)");

            CliContractTest.Run json = cli.quorum("status", "--json");
            JsonNode root = new ObjectMapper().readTree(json.out());
            assertThat(root.get("members")).allSatisfy(m -> assertThat(m.get("etcdRoute").asText()).isEqualTo("SSH_TUNNEL"));
            assertThat(root.get("tunnelReason").asText()).isEqualTo("CLIENT_PORT_UNREACHABLE");
        } finally {
            lab.hosts().forEach(LabHost::unblockFromTool);
        }
        CliContractTest.Run direct = cli.quorum("status");
        assertThat(direct.out()).doesNotContain("SSH tunnels");
    }

    /** After a member was started again: bounded, 30 s at most. */
    private static void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        CliContractTest.Run status = cli.quorum("status");
        while (status.exit() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            status = cli.quorum("status");
        }
        assertThat(status.exit()).as(status.out()).isZero();
    }
}
