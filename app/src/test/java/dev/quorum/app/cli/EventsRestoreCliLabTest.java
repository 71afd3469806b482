package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.core.workspace.QuorumHome;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code quorum restore --cluster events} through the real CLI (decision 0047), one story on three lab hosts with both
 * clusters installed: keys in each cluster, a snapshot of the events cluster in its own folder, a refusal while the
 * events cluster has quorum, then two events members killed and the events cluster restored from that snapshot. The
 * main cluster's members, keys and etcd processes stay as they were throughout.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsRestoreCliLabTest {
    private static final int KEYS = 40;
    static Lab lab;
    @RegisterExtension
    static final CliLabCluster cli = CliLabCluster.installed(3).withEventsCluster();
    static Path snapshot;
    static String mainMembers;
    static List<String> mainPids;

    @BeforeAll
    static void bothClustersWithKeys() {
        for (int i = 0; i < KEYS; i++) {
            cli.etcdctl(2383, "put /events/before/" + i + " v").requireOk("put an events key");
            cli.etcdctl(2379, "put /main/" + i + " v").requireOk("put a main key");
        }
        mainMembers = cli.etcdctl(2379, "member list").stdout();
        mainPids = mainPids();
    }

    private static String count(int port, String prefix) {
        return cli.etcdctl(port, "get " + prefix + " --prefix --count-only -w fields").stdout().lines()
                .filter(l -> l.startsWith("\"Count\"")).findFirst().orElse("none");
    }

    /** The main etcd's process on each host: the same numbers later mean it was never restarted. */
    private static List<String> mainPids() {
        return lab.hosts().stream().map(h -> h.exec("systemctl show -p MainPID --value etcd").stdout().strip()).toList();
    }

    private static List<String> active(String unit) {
        return lab.hosts().stream().map(h -> h.exec("systemctl is-active " + unit).stdout().strip()).toList();
    }

    private static void mainClusterUntouched() {
        assertThat(active("etcd")).containsOnly("active");
        assertThat(mainPids()).as("the main members were never restarted").isEqualTo(mainPids);
        assertThat(cli.etcdctl(2379, "member list").stdout()).as("the main cluster's members")
                .isEqualTo(mainMembers);
        assertThat(count(2379, "/main/")).isEqualTo("\"Count\" : " + KEYS);
        for (LabHost host : lab.hosts()) {
            assertThat(host.exec("ls -d /var/lib/etcd.before-restore-* 2>/dev/null").stdout()).as(host.name()).isEmpty();
        }
    }

    @Test
    @Order(1)
    void theEventsSnapshotIsSavedInTheEventsClustersOwnFolder() throws Exception {
        CliContractTest.Run save = cli.quorum("snapshot", "save", "--cluster", "events", "--reason", "events before");
        assertThat(save.exit()).as(save.out() + save.err()).isZero();

        Path folder = new QuorumHome(cli.dir().resolve("home")).snapshots("inventory-events");
        try (Stream<Path> files = Files.list(folder)) {
            snapshot = files.filter(f -> f.toString().endsWith(".db")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(Path.of(snapshot + ".json"))).contains("etcd1-events");
        cli.etcdctl(2383, "put /events/after/lost v").requireOk("a write after the snapshot");
    }

    @Test
    @Order(2)
    void whileTheEventsClusterHasQuorumTheRestoreIsRefusedAndThePlanSaysWhatItWouldDo() {
        CliContractTest.Run plan = cli.quorum("restore", "--cluster", "events", "--snapshot", snapshot.toString(),
                "--plan");
        CliContractTest.Run apply = cli.quorum("restore", "--cluster", "events", "--snapshot", snapshot.toString(),
                "--yes");

        assertThat(plan.out()).contains("Plan: restore on cluster inventory-events", "Stop etcd-events where it still runs",
                "systemctl stop etcd-events", "/var/lib/etcd-events.before-restore-", "/etc/etcd-events.env",
                "etcd1-events=https://", ":2382", "still has quorum").doesNotContain("systemctl stop etcd\n");
        assertThat(apply.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(apply.err()).contains("still has quorum", "quorum replace / quorum remove --cluster events");
        assertThat(active("etcd-events")).containsOnly("active");
        mainClusterUntouched();
    }

    @Test
    @Order(3)
    void afterTwoEventsMembersAreKilledTheEventsClusterIsRestoredFromItsSnapshot() throws Exception {
        for (LabHost lost : List.of(lab.host(1), lab.host(2))) {
            lost.exec("systemctl kill -s KILL etcd-events; systemctl stop etcd-events")
                    .requireOk("kill etcd-events on " + lost.name());
        }

        // the events members run the main cluster's binary: an inventory on another etcd version is refused
        // before anything is installed, with the main members' binary and the events data dirs as they were
        EtcdTarball installed = EtcdTarball.get();
        EtcdTarball other = EtcdTarball.require(installed.line().equals("3.5") ? "3.6" : "3.5");
        String otherInventory = cli.writeInventory("other-version/inventory", CliLab.etcdVars(other));
        CliContractTest.Run refused = CliLab.run(otherInventory, cli.knownHosts(), "restore", "--cluster", "events",
                "--snapshot", snapshot.toString(), "--yes");
        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.out() + refused.err()).contains("has etcd " + installed.version() + ", not the inventory's "
                + other.version(), "would change the main cluster's etcd too");
        for (LabHost host : lab.hosts()) {
            assertThat(host.exec("/usr/local/bin/etcd --version").stdout()).as(host.name())
                    .contains("etcd Version: " + installed.version().substring(1));
            assertThat(host.exec("ls -d /var/lib/etcd-events.before-restore-* 2>/dev/null").stdout()).as(host.name())
                    .isEmpty();
        }

        CliContractTest.Run restore = cli.quorum("restore", "--cluster", "events", "--snapshot", snapshot.toString(),
                "--yes");

        assertThat(restore.exit()).as(restore.out() + restore.err()).isZero();
        assertThat(restore.out()).contains("no quorum", "Restored.", ":2383");
        assertThat(count(2383, "/events/before/")).isEqualTo("\"Count\" : " + KEYS);
        assertThat(count(2383, "/events/after/")).as("written after the snapshot").isEqualTo("\"Count\" : 0");
        JsonNode events = new ObjectMapper().readTree(cli.quorum("status", "--json", "--cluster", "events").out());
        assertThat(events.get("healthy").asBoolean()).isTrue();
        assertThat(events.get("members")).hasSize(3);
        for (LabHost host : lab.hosts()) {
            assertThat(host.exec("ls -d /var/lib/etcd-events.before-restore-*").ok()).as(host.name()).isTrue();
            assertThat(host.exec("cat /var/lib/etcd-events/quorum-restore").stdout()).contains("COMPLETED_AT=");
            assertThat(host.fileExists("/run/systemd/system/etcd-events.service.d/quorum-restore.conf")).isFalse();
        }
        mainClusterUntouched();
    }

    @Test
    @Order(4)
    void aReRunChangesNothing() {
        List<String> eventsPids = lab.hosts().stream()
                .map(h -> h.exec("systemctl show -p MainPID --value etcd-events").stdout().strip()).toList();

        CliContractTest.Run again = cli.quorum("restore", "--cluster", "events", "--snapshot", snapshot.toString(),
                "--yes");

        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("restore completed");
        assertThat(lab.hosts().stream().map(h -> h.exec("systemctl show -p MainPID --value etcd-events").stdout()
                .strip()).toList()).as("the restored members keep running").isEqualTo(eventsPids);
        assertThat(count(2383, "/events/before/")).isEqualTo("\"Count\" : " + KEYS);
        mainClusterUntouched();
    }
}
