package dev.quorum.app.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.labtest.DesktopLabCluster;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHosts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Upgrade wizard on three lab hosts, on real etcd: a 3.4 cluster asked for 3.6 shows the path and the
 * refusal (two minors at once) with Next disabled and nothing changed; then the quiet cluster (no key ever written)
 * goes 3.4 -> 3.5 -> 3.6 through the wizard, each hop right after the other: every member on the new version with
 * the same member IDs, the cluster version raised, and no member marked removed in any member's v3 store; and back to
 * 3.5 with "Downgrade instead" (etcd's own downgrade), the cluster version lowered.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeWizardLabTest {
    static Lab lab;
    @RegisterExtension
    static final DesktopLabCluster app = DesktopLabCluster.installed(3).withEtcd("3.4", "3.5", "3.6");
    static List<Long> ids;

    @BeforeAll
    static void onThe34Cluster() {
        ids = memberIds();
    }

    static ClusterStatus status() {
        return app.cluster().status();
    }

    static List<Long> memberIds() {
        return status().memberList().stream().map(m -> m.id()).sorted().toList();
    }

    static void point(EtcdTarball tarball) throws Exception {
        UpgradeWizardLab.point(app, tarball);
    }

    static WizardHarness openAndRead() throws Exception {
        WizardHarness ui = new WizardHarness();
        ui.open(() -> UpgradeWizard.open(null, app.services(), app.inventory()));
        ui.waitUntil("versions read", Duration.ofSeconds(90), () -> !ui.text("#upgradeCurrent").isEmpty(),
                () -> ui.text("#upgradeReadReason"));
        return ui;
    }

    static String refusals(WizardHarness ui) {
        return ui.from(ui.lookup("#upgradeRefusals").queryAs(javafx.scene.Node.class)).lookup(".label").queryAllAs(Label.class).stream()
                .map(Label::getText).collect(Collectors.joining(" / "));
    }

    @Test
    @Order(1)
    void twoMinorsAtOnceShowThePathAndTheRefusalAndChangeNothing() throws Exception {
        EtcdTarball from = EtcdTarball.require("3.4");
        point(EtcdTarball.require("3.6"));
        WizardHarness ui = openAndRead();
        try {
            assertThat(ui.text("#upgradeCurrent")).isEqualTo(from.version() + " on every member");
            assertThat(ui.text("#upgradeClusterVersion")).isEqualTo("3.4");
            assertThat(ui.text("#upgradePath")).isEqualTo("3.4 -> 3.5 now, then 3.6");
            assertThat(ui.lookup("#upgradeMembers").queryAs(TableView.class).getItems()).hasSize(3);
            ui.next(Duration.ofSeconds(10));

            assertThat(refusals(ui)).contains("One minor at a time")
                    .contains("etcd upgrades one minor at a time: 3.4 -> 3.5 now, then 3.6");
            assertThat(ui.text("#upgradeReason")).isEqualTo("A guard refuses: One minor at a time. Nothing was changed.");
            assertThat(ui.enabled("#next")).isFalse();
        } finally {
            ui.close();
        }
        assertThat(status().memberVersions()).containsExactly(EtcdVersion.parse(from.version()));
    }

    @Test
    @Order(2)
    void aMinorUpgradeThroughTheWizardLeavesEveryMemberOnTheNewVersion() throws Exception {
        // A quiet cluster: no key was ever written, so no 3.4 member ever saved its consistent index (decision 0067).
        assertThat(lab.host(0).exec("/usr/local/bin/etcdctl.sh get quorum-no-such-key -w json").requireOk("read")
                .stdout()).contains("\"revision\":1,");
        upgradeThroughTheWizard(EtcdTarball.require("3.4"), EtcdTarball.require("3.5"), "3.4 -> 3.5");
        for (var host : lab.hosts()) {
            String marks = host.exec("grep -aoE '[0-9a-f]+removed' /var/lib/etcd/member/snap/db | sort -u").stdout();
            assertThat(ids).as("members marked removed in the v3 store of " + host.name() + ": " + marks)
                    .noneMatch(id -> marks.contains(Long.toHexString(id) + "removed"));
        }
    }

    /** Decision 0067: without a snapshot on 3.4 first, 3.6 took the other members for removed peers here. */
    @Test
    @Order(3)
    void theQuietClusterBornOn34GoesOnTo36() throws Exception {
        upgradeThroughTheWizard(EtcdTarball.require("3.5"), EtcdTarball.require("3.6"), "3.5 -> 3.6");
    }

    /** Decision 0068: back one minor with etcd's own downgrade, chosen on the Guards page. */
    @Test
    @Order(4)
    void theDowngradeInsteadTakesTheClusterBackTo35() throws Exception {
        throughTheWizard(EtcdTarball.require("3.6"), EtcdTarball.require("3.5"), "3.6 -> 3.5", true);
    }

    private static void upgradeThroughTheWizard(EtcdTarball first, EtcdTarball next, String path) throws Exception {
        throughTheWizard(first, next, path, false);
    }

    private static void throughTheWizard(EtcdTarball first, EtcdTarball next, String path, boolean downgrade)
            throws Exception {
        point(next);
        EtcdVersion from = EtcdVersion.parse(first.version());
        EtcdVersion to = EtcdVersion.parse(next.version());

        WizardHarness ui = openAndRead();
        try {
            assertThat(ui.text("#upgradeCurrent")).isEqualTo(from + " on every member");
            assertThat(ui.text("#upgradeTarget")).isEqualTo(to.toString());
            assertThat(ui.text("#upgradePath")).isEqualTo(path);
            ui.next(Duration.ofSeconds(10));
            if (downgrade) {
                assertThat(refusals(ui)).contains("upgrade does not downgrade").contains("quorum upgrade --downgrade");
                ui.click("#upgradeDowngrade");
                ui.waitUntil("the downgrade's guards", Duration.ofSeconds(90), () -> ui.shown("#upgradePlan"),
                        () -> ui.text("#upgradeReason") + " " + refusals(ui));
            }
            assertThat(ui.shown("#upgradeReason")).as(ui.text("#upgradeReason") + " " + refusals(ui)).isFalse();
            assertThat(ui.text("#upgradePlan")).startsWith("Every guard passes. " + (downgrade ? "Downgrade" : "Upgrade")
                    + " to " + to);

            ui.reviewAndRun(Duration.ofSeconds(120), Duration.ofSeconds(600));
            assertThat(ui.text("#resultHeadline")).as(String.valueOf(ui.lookup("#resultProblems")
                    .queryAs(javafx.scene.control.ListView.class).getItems()) + "\n" + runLogTail() + "\n"
                    + etcdLogTails())
                    .isEqualTo("Done.");
        } finally {
            ui.close();
        }

        ClusterStatus after = untilClusterVersion(to);
        assertThat(after.healthy()).as(after.sentence()).isTrue();
        assertThat(after.memberVersions()).containsExactly(to);
        assertThat(memberIds()).isEqualTo(ids);
    }

    static String runLogTail() throws Exception {
        return UpgradeWizardLab.runLogTail(app);
    }

    /** What etcd itself said on each host (the systemctl stand-in's log), when a run fails. */
    static String etcdLogTails() {
        return lab.hosts().stream().map(h -> h.name() + ":\n" + h.exec("tail -n 12 /var/log/quorum-lab/etcd.log")
                .stdout()).collect(Collectors.joining("\n"));
    }

    /** The leader raises the cluster version a moment after the last member runs the new one. */
    static ClusterStatus untilClusterVersion(EtcdVersion to) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        ClusterStatus status = status();
        while (status.clusterVersion().filter(v -> v.sameLine(to)).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            status = status();
        }
        assertThat(status.clusterVersion()).as(status.versionSentence())
                .hasValueSatisfying(v -> assertThat(v.line()).isEqualTo(to.line()));
        return status;
    }
}
