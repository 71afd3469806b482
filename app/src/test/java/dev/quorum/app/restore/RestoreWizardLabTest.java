package dev.quorum.app.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.labtest.DesktopLabCluster;
import dev.quorum.app.shell.Fx;
import dev.quorum.app.snapshots.FakeSnapshots;
import dev.quorum.app.snapshots.Integrity;
import dev.quorum.app.snapshots.SnapshotRow;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHosts;
import dev.quorum.lab.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Snapshots tab and the Disaster recovery wizard in the real main window on one lab: a
 * snapshot taken with the toolbar, a damaged copy refused, then quorum lost for good (etcd
 * stopped on two of three hosts) and the cluster restored from the tab's snapshot with its keys;
 * then lost again and restored from the survivor's data, confirmed by typing its host name.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestoreWizardLabTest {
    private static final int KEYS = 50;
    static Lab lab;
    @RegisterExtension
    static final DesktopLabCluster app = DesktopLabCluster.installed(3);
    static String clusterName;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void keysShown() throws Exception {
        clusterName = app.cluster().name();
        try (LabKeys keys = keys()) {
            keys.put("snapui/", KEYS);
        }
        app.openWindow();
        Fx.await(Duration.ofSeconds(60), "the cluster shown", () -> robot.lookup("#snapshots-table").tryQuery().isPresent());
    }


    static LabKeys keys() throws Exception {
        try (ClusterSession session = app.cluster().session()) {
            return new LabKeys(session.inventory().etcdMembers().stream().map(EtcdMember::clientUrl).toList(),
                    session.pki().clientTls());
        }
    }

    private static LabKeys survivorKeys() throws Exception {
        try (ClusterSession session = app.cluster().session()) {
            return new LabKeys(List.of(session.inventory().etcdMembers().stream()
                    .filter(m -> m.hostName().equals("lab1")).findFirst().orElseThrow().clientUrl()),
                    session.pki().clientTls());
        }
    }

    private static long held(LabKeys member, String prefix) {
        try {
            return member.countHeld(prefix);
        } catch (Exception e) {
            return -1;
        }
    }

    @SuppressWarnings("unchecked")
    static TableView<SnapshotRow> table() {
        return robot.lookup("#snapshots-table").queryAs(TableView.class);
    }

    @Test
    @Order(1)
    void snapshotNowFromTheToolbarListsTheNewFileAsVerified() {
        robot.clickOn("#toolbar-snapshot");
        WaitForAsyncUtils.waitForFxEvents();
        Fx.await(Duration.ofSeconds(90), "the new snapshot listed", () -> table().getItems().size() == 1
                && !robot.lookup("#snapshot-now").queryButton().isDisabled());

        SnapshotRow row = Fx.get(() -> table().getItems().get(0));
        assertThat(Fx.get(() -> robot.lookup("#snapshots-error").queryLabeled().getText())).isEmpty();
        assertThat(row.integrity()).isEqualTo(Integrity.VERIFIED);
        assertThat(row.integrityText()).isEqualTo("verified");
        assertThat(row.info().knownKeyCount()).contains((long) KEYS);
        assertThat(row.info().members()).containsExactlyInAnyOrder("etcd1", "etcd2", "etcd3");
        assertThat(row.file().getParent()).isEqualTo(app.home().snapshots(clusterName));
        assertThat(Fx.get(() -> robot.lookup("#snapshots-status").queryLabeled().getText()))
                .startsWith("Saved " + row.file().getFileName());
        assertThat(Fx.get(() -> table().getSelectionModel().getSelectedItem())).as("the new file is selected")
                .isEqualTo(row);
    }

    @Test
    @Order(2)
    void aDamagedCopyIsRefusedOnTheFirstPage() throws Exception {
        Path good = Fx.get(() -> table().getItems().get(0)).file();
        Path damaged = app.dir().resolve("damaged.db");
        Files.copy(good, damaged);
        FakeSnapshots.flipByte(damaged);
        WizardServices services = app.services();
        WizardHarness ui = new WizardHarness();
        ui.open(() -> RestoreWizard.open(null, services, app.inventory(), Optional.of(damaged)));
        try {
            ui.waitUntil("the file checked", Duration.ofSeconds(30),
                    () -> ui.text("#sourceReason").startsWith("Damaged"), () -> ui.text("#sourceReason"));
            assertThat(ui.text("#sourceReason")).contains("integrity hash mismatch");
            assertThat(ui.enabled("#next")).isFalse();
        } finally {
            ui.close();
        }
    }

    @Test
    @Order(3)
    void restoresFromTheTabsSnapshotAfterQuorumIsLostForGood() throws Exception {
        for (int i = 1; i <= 2; i++) {
            lab.host(i).kill("etcd");
            lab.host(i).exec("systemctl stop etcd; systemctl disable etcd").requireOk("stop etcd on lab" + (i + 1));
        }
        Fx.run(() -> table().getSelectionModel().select(0));
        WizardHarness ui = new WizardHarness();
        ui.open(() -> {
            robot.lookup("#snapshot-restore").queryAs(Button.class).fire();
            return Window.getWindows().stream().filter(w -> w instanceof Stage s && "Disaster recovery".equals(s.getTitle()))
                    .map(w -> (Stage) w).findFirst().orElseThrow();
        });
        try {
            ui.waitUntil("the snapshot checked", Duration.ofSeconds(30), () -> ui.enabled("#next"),
                    () -> ui.text("#sourceReason"));
            assertThat(ui.text("#snapshotPath")).isEqualTo(Fx.get(() -> table().getItems().get(0)).file().toString());
            ui.click("#next");
            assertThat(ui.lookup("#restoreHosts").queryListView().getItems()).containsExactly("lab1", "lab2", "lab3");
            ui.click("#next");
            assertThat(ui.text("#restoreWarning")).contains("STOPPED on every host").contains("MOVED ASIDE")
                    .contains("NEW member ID").contains("AFTER the snapshot");
            assertThat(ui.enabled("#next")).as("not before the name is typed").isFalse();
            ui.type("#confirmation", clusterName.substring(0, clusterName.length() - 1));
            assertThat(ui.enabled("#next")).isFalse();
            ui.type("#confirmation", clusterName);
            ui.next(Duration.ofSeconds(10));

            ui.awaitReview(Duration.ofSeconds(120));
            assertThat(ui.text("#reviewHeadline")).contains("Plan: restore on cluster");
            ui.runToResult(Duration.ofSeconds(300));
            assertThat(ui.text("#resultHeadline")).as(ui.lookup("#resultProblems").query().toString())
                    .isEqualTo("Done.");
            assertThat(ui.text("#resultNext")).contains("new member IDs").contains(".before-restore-");
        } finally {
            ui.close();
        }
        try (ClusterSession session = app.cluster().session()) {
            ClusterStatus after = LiveCluster.read(session).probe(session);
            assertThat(after.healthy()).as(after.sentence()).isTrue();
            assertThat(after.members()).hasSize(3);
        }
        try (LabKeys keys = keys()) {
            assertThat(keys.count("snapui/")).isEqualTo(KEYS);
            assertThat(keys.get(LabKeys.key("snapui/", 7))).isEqualTo("value-7");
        }
    }

    @Test
    @Order(4)
    void restoresFromASurvivorOnceItsHostNameIsTyped() throws Exception {
        try (LabKeys keys = keys()) {
            keys.put("survivor/", 10);
        }
        // the survivor is restored from what it holds: it must have applied the keys before the others die
        try (LabKeys survivor = survivorKeys()) {
            assertThat(Wait.until(Duration.ofSeconds(30), Duration.ofMillis(200), () -> held(survivor, "survivor/") == 10))
                    .as("lab1 applied the 10 survivor keys").isTrue();
        }
        for (int i = 1; i <= 2; i++) {
            lab.host(i).kill("etcd");
            lab.host(i).exec("systemctl stop etcd; systemctl disable etcd").requireOk("stop etcd on lab" + (i + 1));
        }
        WizardHarness ui = new WizardHarness();
        ui.open(() -> {
            robot.lookup("#toolbar-restore").queryButton().fire();
            return Window.getWindows().stream().filter(w -> w instanceof Stage s && "Disaster recovery".equals(s.getTitle()))
                    .map(w -> (Stage) w).findFirst().orElseThrow();
        });
        try {
            ui.click("#fromSurvivor");
            ui.waitUntil("asked for the survivor", Duration.ofSeconds(30),
                    () -> ui.text("#sourceReason").startsWith("Choose the surviving member"), () -> ui.text("#sourceReason"));
            assertThat(ui.enabled("#next")).isFalse();
            // Chosen through the combo's model: "lab1" is also written in the main window behind, so a
            // click by text could land there.
            Fx.run(() -> ui.lookup("#survivorHost").queryComboBox().getSelectionModel().select("lab1"));
            ui.next(Duration.ofSeconds(10));
            ui.click("#next");
            assertThat(ui.text("#restoreWarning")).contains("No snapshot is used: etcd on lab1 is stopped")
                    .contains("What may be LOST");
            ui.type("#confirmation", clusterName);
            assertThat(ui.enabled("#next")).as("the cluster name does not confirm a survivor restore").isFalse();
            ui.type("#confirmation", "lab1");
            ui.reviewAndRun(Duration.ofSeconds(120), Duration.ofSeconds(300));
            assertThat(ui.text("#resultHeadline")).as(ui.lookup("#resultProblems").query().toString())
                    .isEqualTo("Done.");
        } finally {
            ui.close();
        }
        try (ClusterSession session = app.cluster().session()) {
            ClusterStatus after = LiveCluster.read(session).probe(session);
            assertThat(after.healthy()).as(after.sentence()).isTrue();
        }
        try (LabKeys keys = keys()) {
            assertThat(keys.count("snapui/")).isEqualTo(KEYS);
            assertThat(keys.count("survivor/")).as("written before the loss, held by the survivor").isEqualTo(10);
        }
    }
}
