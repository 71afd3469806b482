package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.core.workspace.QuorumHome;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.KubeStandIn;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
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
 * main cluster's members, keys and etcd processes stay as they were throughout. lab1 is also the control plane (the
 * lab's kubelet + kube-apiserver stand-in, with Kubespray's {@code --etcd-servers-overrides=/events#...}): the
 * restore's {@code --update-apiservers} sets that entry to the restored members and never touches
 * {@code --etcd-servers}.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsRestoreCliLabTest {
    private static final int KEYS = 40;
    static Lab lab;
    @RegisterExtension
    static final CliLabCluster cli = CliLabCluster.installed(3).withEventsCluster().withInventoryEdit(text -> text
            .replace("\n  vars:", "\n    kube_control_plane:\n      hosts:\n        lab1:\n  vars:"));
    static Path snapshot;
    static String mainMembers;
    static List<String> mainPids;
    /** kube-apiserver's --etcd-servers line as Kubespray writes it: the restore must leave it as it is. */
    static String etcdServersLine;
    /** The kube-apiserver stand-in's process (python3 runs it); the [p] keeps the shell that looks for it out. */
    private static final String APISERVER_PGREP = "pgrep -f '[p]ython3 /usr/local/bin/kube-apiserver'";
    /** The /events# entry naming all three events members, as Kubespray writes it. */
    static String eventsEntry;

    @BeforeAll
    static void bothClustersWithKeys() {
        for (int i = 0; i < KEYS; i++) {
            cli.etcdctl(2383, "put /events/before/" + i + " v").requireOk("put an events key");
            cli.etcdctl(2379, "put /main/" + i + " v").requireOk("put a main key");
        }
        mainMembers = cli.etcdctl(2379, "member list").stdout();
        mainPids = mainPids();
        etcdServersLine = "    - --etcd-servers=" + urls(2379, ",") + "\n";
        eventsEntry = "/events#" + urls(2383, ";");
        KubeStandIn.start(lab.host(0), withOverrides(eventsEntry));
        assertThat(KubeStandIn.awaitLivez(lab.host(0), "200", Duration.ofSeconds(60))).isTrue();
    }

    private static String urls(int port, String separator) {
        return lab.hosts().stream().map(h -> "https://" + h.address() + ":" + port).collect(Collectors.joining(separator));
    }

    /** lab1's kube-apiserver manifest with Kubespray's main --etcd-servers and this events entry. */
    private static String withOverrides(String events) {
        return KubeStandIn.manifest("lab1", urls(2379, ",")).replace(etcdServersLine,
                etcdServersLine + "    - --etcd-servers-overrides=" + events + "\n");
    }

    /** The flags the running kube-apiserver (stand-in) process was started with, one per line. */
    private static String runningApiserverFlags() {
        return lab.host(0).exec("for p in $(" + APISERVER_PGREP + "); do tr '\\0' '\\n' </proc/$p/cmdline;"
                + " done").stdout();
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
        assertThat(lab.host(0).readFile(KubeStandIn.MANIFEST)).as("kube-apiserver's main storage")
                .contains(etcdServersLine);
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
                "--update-apiservers", "--plan");
        CliContractTest.Run keeping = cli.quorum("restore", "--cluster", "events", "--snapshot", snapshot.toString(),
                "--keep-revisions", "--plan");
        CliContractTest.Run apply = cli.quorum("restore", "--cluster", "events", "--snapshot", snapshot.toString(),
                "--yes");

        assertThat(plan.out()).contains("Plan: restore on cluster inventory-events", "Stop etcd-events where it still runs",
                "systemctl stop etcd-events", "/var/lib/etcd-events.before-restore-", "/etc/etcd-events.env",
                "etcd1-events=https://", ":2382", "still has quorum").doesNotContain("systemctl stop etcd\n");
        assertThat(plan.out()).as("decision 0079").contains("snapshot restore --help | grep -- --bump-revision",
                "--bump-revision 1000000000 --mark-compacted");
        assertThat(keeping.out()).contains("revisions kept as the snapshot has them (--keep-revisions)")
                .doesNotContain("--bump-revision 1000000000");
        assertThat(plan.out()).as("what --update-apiservers will do: the events entry on lab1, not --etcd-servers")
                .contains("With --update-apiservers, once the change succeeded: kube-apiserver "
                        + "--etcd-servers-overrides=" + eventsEntry + " on lab1, one at a time");
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

        // during the outage kube-apiserver was pointed at the one events member left; the restore points it back
        LabHost controlPlane = lab.host(0);
        String narrowed = withOverrides("/events#https://" + controlPlane.address() + ":2383");
        controlPlane.writeFile(KubeStandIn.MANIFEST, narrowed);
        assertThat(KubeStandIn.awaitLivez(controlPlane, "200", Duration.ofSeconds(60))).isTrue();

        CliContractTest.Run restore = cli.quorum("restore", "--cluster", "events", "--snapshot", snapshot.toString(),
                "--update-apiservers", "--yes");

        assertThat(restore.exit()).as(restore.out() + restore.err()).isZero();
        assertThat(restore.out()).contains("no quorum", "Restored.", ":2383",
                "Updating kube-apiserver on the control planes (--update-apiservers):",
                "kube-apiserver --etcd-servers-overrides=" + eventsEntry + " on lab1");
        assertThat(controlPlane.readFile(KubeStandIn.MANIFEST)).as("only the events entry changed")
                .isEqualTo(narrowed.replace("/events#https://" + controlPlane.address() + ":2383", eventsEntry));
        assertThat(controlPlane.exec("cat /etc/kubernetes/quorum-backups/kube-apiserver.yaml.*").stdout())
                .as("the manifest before the change, kept").isEqualTo(narrowed);
        assertThat(runningApiserverFlags()).as("kube-apiserver restarted with the restored members")
                .contains("--etcd-servers-overrides=" + eventsEntry + "\n", etcdServersLine.strip().substring(2));
        assertThat(KubeStandIn.livez(controlPlane)).isEqualTo("200");
        String ssl = "/etc/ssl/etcd/ssl/";
        for (LabHost host : lab.hosts()) {
            // what kube-apiserver on lab1 reaches through each URL of the entry: the restored events member
            assertThat(controlPlane.exec("curl -s --max-time 5 --cacert " + ssl + "ca.pem --cert " + ssl
                    + "node-lab1.pem --key " + ssl + "node-lab1-key.pem https://" + host.address() + ":2383/health")
                    .stdout()).as(host.name() + " through lab1's node certificate").contains("\"health\":\"true\"");
        }
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

        String apiserverPid = lab.host(0).exec(APISERVER_PGREP).stdout().strip();
        String manifest = lab.host(0).readFile(KubeStandIn.MANIFEST);

        CliContractTest.Run again = cli.quorum("restore", "--cluster", "events", "--snapshot", snapshot.toString(),
                "--update-apiservers", "--yes");

        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("restore completed", "--etcd-servers-overrides already lists these 3 members");
        assertThat(lab.host(0).readFile(KubeStandIn.MANIFEST)).isEqualTo(manifest);
        assertThat(lab.host(0).exec("ls /etc/kubernetes/quorum-backups").stdout().lines()).hasSize(1);
        assertThat(lab.host(0).exec(APISERVER_PGREP).stdout().strip())
                .as("kube-apiserver not restarted").isEqualTo(apiserverPid);
        assertThat(lab.hosts().stream().map(h -> h.exec("systemctl show -p MainPID --value etcd-events").stdout()
                .strip()).toList()).as("the restored members keep running").isEqualTo(eventsPids);
        assertThat(count(2383, "/events/before/")).isEqualTo("\"Count\" : " + KEYS);
        mainClusterUntouched();
    }
}
