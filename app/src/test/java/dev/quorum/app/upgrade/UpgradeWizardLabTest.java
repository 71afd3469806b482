package dev.quorum.app.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.app.common.PlanRuns;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.lifecycle.install.InstallPlan;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.remote.SshConnector;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Upgrade wizard on three lab hosts: a 3.5 cluster, the inventory's etcd_version set to 3.6, the
 * versions and the path read, every guard passing, quorum upgrade's plan run through the frame,
 * and every member on 3.6 afterwards with the same member IDs.
 */
@LabHosts(count = 3)
class UpgradeWizardLabTest {
    static Lab lab;
    @TempDir
    static Path dir;
    static Path inventory;
    static WizardServices services;
    static FxTaskExecutor executor;
    static EtcdTarball old;
    static EtcdTarball next;

    @BeforeAll
    static void install() throws Exception {
        old = EtcdTarball.require("3.5");
        next = EtcdTarball.require("3.6");
        inventory = lab.writeInventory(dir.resolve("inventory"), Map.of("etcd_version", old.version(),
                "etcd_download_url", old.uri().toString(), "etcd_binary_checksum", old.sha256()), 3);
        executor = new FxTaskExecutor(4);
        services = new WizardServices(executor, new QuorumHome(dir.resolve("home")),
                SshOptions.defaults().withKnownHostsFile(lab.knownHosts()), event -> { });
        try (ClusterSession session = session()) {
            var install = PlanRuns.apply(services.home(), InstallPlan.build(session), event -> { }, new Cancellation());
            assertThat(install.result().succeeded()).as(install.result().failures().toString()).isTrue();
        }
        WizardHarness.boot();
    }

    @AfterAll
    static void tearDown() {
        if (executor != null) {
            executor.shutdown();
        }
    }

    static ClusterSession session() {
        return new ClusterSession(new InventoryReader().read(inventory), services.home(),
                new SshConnector(services.ssh()));
    }

    static ClusterStatus status() {
        try (ClusterSession session = session()) {
            return LiveCluster.read(session).probe(session);
        }
    }

    /** What an operator does to ask for the upgrade: the inventory names the new release. */
    static void targetNextRelease() throws Exception {
        String text = Files.readString(inventory).replace(old.version(), next.version())
                .replace(old.uri().toString(), next.uri().toString()).replace(old.sha256(), next.sha256());
        Files.writeString(inventory, text);
    }

    @Test
    void aMinorUpgradeThroughTheWizardLeavesEveryMemberOnTheNewVersion() throws Exception {
        ClusterStatus before = status();
        List<Long> ids = before.memberList().stream().map(m -> m.id()).sorted().toList();
        targetNextRelease();
        EtcdVersion from = EtcdVersion.parse(old.version());
        EtcdVersion to = EtcdVersion.parse(next.version());

        WizardHarness ui = new WizardHarness();
        ui.open(() -> UpgradeWizard.open(null, services, inventory));
        try {
            ui.waitUntil("versions read", Duration.ofSeconds(90), () -> !ui.text("#upgradeCurrent").isEmpty(),
                    () -> ui.text("#upgradeReadReason"));
            assertThat(ui.text("#upgradeCurrent")).isEqualTo(from + " on every member");
            assertThat(ui.text("#upgradeClusterVersion")).isEqualTo(from.line());
            assertThat(ui.text("#upgradeTarget")).isEqualTo(to.toString());
            assertThat(ui.text("#upgradePath")).isEqualTo(from.line() + " -> " + to.line());
            assertThat(ui.lookup("#upgradeMembers").queryAs(TableView.class).getItems()).hasSize(3);
            ui.next(Duration.ofSeconds(10));
            assertThat(ui.shown("#upgradeReason")).as(ui.text("#upgradeReason")).isFalse();
            assertThat(ui.text("#upgradePlan")).startsWith("Every guard passes. Upgrade to " + to);

            ui.next(Duration.ofSeconds(10));
            ui.waitUntil("plan reviewed", Duration.ofSeconds(120), () -> ui.enabled("#next"),
                    () -> ui.text("#reviewHeadline") + " " + ui.text("#reviewProblem"));
            ui.click("#next");
            ui.waitUntil("run finished", Duration.ofSeconds(600), () -> ui.shown("#resultHeadline")
                    && !ui.text("#resultHeadline").isEmpty(), () -> ui.text("#runCurrent"));
            assertThat(ui.text("#resultHeadline")).as(ui.lookup("#resultProblems").query().toString())
                    .isEqualTo("Done.");
        } finally {
            ui.close();
        }

        ClusterStatus after = untilClusterVersion(to);
        assertThat(after.healthy()).as(after.sentence()).isTrue();
        assertThat(after.memberVersions()).containsExactly(to);
        assertThat(after.memberList().stream().map(m -> m.id()).sorted().toList()).isEqualTo(ids);
    }

    /** The leader raises the cluster version a moment after the last member runs the new one. */
    static ClusterStatus untilClusterVersion(EtcdVersion to) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        ClusterStatus status = status();
        while (status.clusterVersion().filter(v -> v.sameLine(to)).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            status = status();
        }
        assertThat(status.clusterVersion()).as(status.versionSentence()).hasValueSatisfying(v -> assertThat(v.line()).isEqualTo(to.line()));
        return status;
    }
}
