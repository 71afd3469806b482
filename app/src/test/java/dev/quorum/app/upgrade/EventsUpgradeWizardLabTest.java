package dev.quorum.app.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.PlanRuns;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.lifecycle.install.InstallPlan;
import dev.quorum.core.lifecycle.upgrade.UpgradePlans;
import dev.quorum.core.lifecycle.upgrade.UpgradeRequest;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.remote.SshConnector;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Upgrade wizard opened on the events cluster's view (decision 0049), on three lab hosts with both clusters on
 * Debian unstable's etcd 3.5 (an older 3.5 patch). The inventory then names the newest 3.5 patch: while the main
 * cluster has not moved, the wizard's guard refuses and nothing changes; once the main cluster runs the new binary
 * (upgraded with an inventory that leaves the events cluster out, so its members are left behind on the old one),
 * the wizard restarts each events member onto it: every events member on the new version with the same member IDs
 * and keys, a snapshot of the events cluster first, and the main cluster's etcd never restarted.
 */
@LabHosts(count = 3)
@Timeout(1200)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsUpgradeWizardLabTest {
    private static final int KEYS = 30;
    static Lab lab;
    @TempDir
    static Path dir;
    static Path inventory;
    static WizardServices events;
    static FxTaskExecutor executor;
    static EtcdTarball from;
    static EtcdTarball to;
    static List<Long> eventsIds;

    @BeforeAll
    static void bothClustersOnAnOlderPatch() throws Exception {
        from = EtcdTarball.requireDebianUnstable();
        to = EtcdTarball.require("3.5");
        Assumptions.assumeTrue(EtcdVersion.parse(from.version()).compareTo(EtcdVersion.parse(to.version())) < 0,
                "Debian unstable's etcd " + from.version() + " is not older than " + to.version());
        inventory = lab.writeInventory(dir.resolve("inventory"), vars(from, true), 3);
        executor = new FxTaskExecutor(4);
        events = new WizardServices(executor, new QuorumHome(dir.resolve("home")),
                SshOptions.defaults().withKnownHostsFile(lab.knownHosts()), event -> { }, ClusterLayout.EVENTS);
        try (ClusterSession main = session(inventory)) {
            var install = PlanRuns.apply(events.home(), InstallPlan.build(main), event -> { }, new Cancellation());
            assertThat(install.result().succeeded()).as(install.result().failures().toString()).isTrue();
        }
        for (int i = 0; i < KEYS; i++) {
            etcdctl(2383, "put /events/" + i + " v").requireOk("put an events key");
        }
        eventsIds = eventsStatus().memberList().stream().map(m -> m.id()).sorted().toList();
        WizardHarness.boot();
    }

    @AfterAll
    static void tearDown() {
        if (executor != null) {
            executor.shutdown();
        }
    }

    static Map<String, Object> vars(EtcdTarball tarball, boolean eventsEnabled) {
        Map<String, Object> vars = new LinkedHashMap<>(Map.of("etcd_version", tarball.version(),
                "etcd_download_url", tarball.uri().toString(), "etcd_binary_checksum", tarball.sha256()));
        if (eventsEnabled) {
            vars.put("etcd_events_cluster_enabled", true);
        }
        return vars;
    }

    static ClusterSession session(Path file) {
        return new ClusterSession(new InventoryReader().read(file), events.home(), new SshConnector(events.ssh()));
    }

    static ClusterStatus eventsStatus() {
        try (ClusterSession main = session(inventory)) {
            ClusterSession sibling = main.sibling(main.inventory().cluster(ClusterLayout.EVENTS));
            return LiveCluster.read(sibling).probe(sibling);
        }
    }

    static dev.quorum.lab.ExecResult etcdctl(int port, String args) {
        String ssl = "/etc/ssl/etcd/ssl/";
        return lab.host(0).exec("ETCDCTL_API=3 /usr/local/bin/etcdctl --endpoints=https://127.0.0.1:" + port
                + " --cacert=" + ssl + "ca.pem --cert=" + ssl + "admin-lab1.pem --key=" + ssl + "admin-lab1-key.pem "
                + args);
    }

    static Map<String, String> pids(String unit) {
        Map<String, String> pids = new LinkedHashMap<>();
        for (LabHost host : lab.hosts()) {
            pids.put(host.name(), host.exec("systemctl show -p MainPID --value " + unit).stdout().strip());
        }
        return pids;
    }

    static WizardHarness openAndRead() throws Exception {
        WizardHarness ui = new WizardHarness();
        ui.open(() -> UpgradeWizard.open(null, events, inventory));
        ui.waitUntil("versions read", Duration.ofSeconds(90), () -> !ui.text("#upgradeCurrent").isEmpty(),
                () -> ui.text("#upgradeReadReason"));
        return ui;
    }

    static String refusals(WizardHarness ui) {
        return ui.from(ui.lookup("#upgradeRefusals").queryAs(Node.class)).lookup(".label").queryAllAs(Label.class)
                .stream().map(Label::getText).collect(Collectors.joining(" / "));
    }

    @Test
    @Order(1)
    void beforeTheMainClusterMovesTheGuardRefusesAndNothingChanges() throws Exception {
        lab.writeInventory(dir.resolve("inventory"), vars(to, true), 3); // the operator asks for the newer patch
        Map<String, String> eventsPids = pids("etcd-events");

        WizardHarness ui = openAndRead();
        try {
            assertThat(ui.text("#upgradeCurrent")).isEqualTo(from.version() + " on every member");
            assertThat(ui.text("#upgradeTarget")).isEqualTo(to.version());
            ui.next(Duration.ofSeconds(10));

            assertThat(refusals(ui)).contains("The events cluster can take the shared binary",
                    "runs " + from.version() + ", not " + to.version(), "upgrade the main cluster first");
            assertThat(ui.text("#upgradeReason")).endsWith("Nothing was changed.");
            assertThat(ui.enabled("#next")).isFalse();
        } finally {
            ui.close();
        }
        assertThat(pids("etcd-events")).isEqualTo(eventsPids);
        assertThat(eventsStatus().memberVersions()).containsExactly(EtcdVersion.parse(from.version()));
    }

    @Test
    @Order(2)
    void afterTheMainClusterMovedTheWizardRestartsEachEventsMemberOntoItsBinary() throws Exception {
        // the main cluster upgraded by other means: Quorum run with an inventory that leaves the events cluster out
        Path mainOnly = lab.writeInventory(dir.resolve("main-only").resolve("inventory"), vars(to, false), 3);
        try (ClusterSession main = session(mainOnly)) {
            var upgraded = PlanRuns.apply(events.home(), UpgradePlans.plan(main, UpgradeRequest.upgrade()),
                    event -> { }, new Cancellation());
            assertThat(upgraded.result().succeeded()).as(upgraded.result().failures().toString()).isTrue();
        }
        String target = to.version().substring(1);
        for (LabHost host : lab.hosts()) {
            assertThat(host.exec("/usr/local/bin/etcd --version").stdout()).contains("etcd Version: " + target);
        }
        assertThat(eventsStatus().memberVersions()).as("left behind")
                .containsExactly(EtcdVersion.parse(from.version()));
        Map<String, String> mainPids = pids("etcd");
        Map<String, String> eventsPids = pids("etcd-events");
        String eventsName = new InventoryReader().read(inventory).clusterName() + "-events";

        WizardHarness ui = openAndRead();
        try {
            assertThat(ui.text("#upgradeCurrent")).isEqualTo(from.version() + " on every member");
            assertThat(ui.text("#upgradePath")).isEqualTo(from.version() + " -> " + to.version()
                    + " by restarting onto the main cluster's binary");
            ui.next(Duration.ofSeconds(10));
            assertThat(ui.shown("#upgradeReason")).as(ui.text("#upgradeReason") + " " + refusals(ui)).isFalse();
            assertThat(ui.text("#upgradePlan")).startsWith("Every guard passes. Restart each events member onto etcd "
                    + to.version()).contains("(leader, last)");

            ui.next(Duration.ofSeconds(10));
            ui.awaitReview(Duration.ofSeconds(120));
            assertThat(ui.text("#reviewHeadline")).contains("upgrade on cluster " + eventsName);
            ui.runToResult(Duration.ofSeconds(600));
            assertThat(ui.text("#resultHeadline")).as(() -> ui.items("#resultProblems")
                    + WizardHarness.newestRunLogTail(events.home().runs(eventsName))).isEqualTo("Done.");
        } finally {
            ui.close();
        }

        ClusterStatus after = eventsStatus();
        assertThat(after.healthy()).as(after.sentence()).isTrue();
        assertThat(after.memberVersions()).containsExactly(EtcdVersion.parse(to.version()));
        assertThat(after.memberList().stream().map(m -> m.id()).sorted().toList()).isEqualTo(eventsIds);
        assertThat(etcdctl(2383, "get /events/ --prefix --count-only -w fields").stdout())
                .contains("\"Count\" : " + KEYS);
        Map<String, String> restarted = pids("etcd-events");
        eventsPids.forEach((host, pid) -> assertThat(restarted.get(host)).as(host + " etcd-events restarted")
                .isNotEqualTo(pid));
        assertThat(pids("etcd")).as("the main cluster's etcd was not restarted").isEqualTo(mainPids);
        try (Stream<Path> snapshots = Files.list(events.home().snapshots(eventsName))) {
            assertThat(snapshots.map(p -> p.getFileName().toString())).as("the events cluster's snapshot first")
                    .anyMatch(name -> name.endsWith(".db"));
        }

        WizardHarness again = openAndRead();
        try {
            again.next(Duration.ofSeconds(10));
            assertThat(again.text("#upgradeReason"))
                    .isEqualTo("Every events member already runs " + to.version() + ": nothing to upgrade.");
            assertThat(again.enabled("#next")).isFalse();
        } finally {
            again.close();
        }
    }
}
