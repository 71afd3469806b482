package dev.quorum.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.add.AddMemberWizard;
import dev.quorum.app.adopt.AdoptClusterWizard;
import dev.quorum.app.certificates.CertificateRow;
import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.app.install.InstallWizard;
import dev.quorum.app.maintenance.MaintenanceWizard;
import dev.quorum.app.remove.RemoveMemberWizard;
import dev.quorum.app.renew.RenewCertificatesWizard;
import dev.quorum.app.replace.ReplaceMemberWizard;
import dev.quorum.app.shell.Fx;
import dev.quorum.app.shell.MainWindow;
import dev.quorum.app.shell.RecordingShellActions;
import dev.quorum.app.shell.ShellServices;
import dev.quorum.app.shell.Theme;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.known.OpenedFrom;
import dev.quorum.core.lifecycle.backup.BackupHealth;
import dev.quorum.core.lifecycle.backup.BackupOverview;
import dev.quorum.core.etcd.ClusterProbe;
import dev.quorum.core.etcd.EtcdAdmin;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.metrics.TimelineEvent;
import dev.quorum.core.remote.SshConnector;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import dev.quorum.app.charts.ChartRange;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Renders the screenshots that need SSH hosts, on one lab: lab1..lab3 get a cluster through the
 * install wizard (hosts, preflight, review, the live run, the result), lab4 and lab5 stay spare
 * hosts of the inventory for the add and replace wizards; then the Certificates tab and the renew
 * wizard on that cluster, the Charts tab, the main window and the overview with a second, empty cluster. Nothing
 * but the install runs: the other wizards stop before Run.
 * Another wizard's picture is one more {@code @Order}ed test: open it with
 * {@code Screenshot.sized(XWizard.open(null, services, inventory, ...))}, wait for its page, then
 * {@code Screenshot.of(ui.stage(), "x-wizard.png")} (a wizard that changes the cluster goes last).
 */
@Tag("screenshots")
@LabHosts(count = 5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabScreenshotsTest {
    static Lab lab;
    @TempDir
    static Path dir;
    static Path inventory;
    static Path knownHosts;
    static EtcdTarball tarball;
    static FxTaskExecutor executor;
    static WizardServices services;

    @BeforeAll
    static void setUp() throws Exception {
        tarball = EtcdTarball.get();
        // The folder names the cluster: "demo" reads better in the pictures than a temp name.
        inventory = lab.writeInventory(dir.resolve("demo"), Map.of("etcd_version", tarball.version(),
                "etcd_download_url", tarball.uri().toString(), "etcd_binary_checksum", tarball.sha256()), 3);
        knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
        executor = new FxTaskExecutor(4);
        services = new WizardServices(executor, new QuorumHome(dir.resolve(".quorum")),
                SshOptions.defaults().withKnownHostsFile(knownHosts), event -> { });
        WizardHarness.boot();
        Fx.run(Theme.LIGHT::apply);
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        executor.shutdown();
    }

    @Test
    @Order(1)
    void installTypedInHosts() throws Exception {
        WizardHarness ui = new WizardHarness();
        ui.open(() -> Screenshot.sized(InstallWizard.open(null, services)));
        try {
            ui.click("#typeHosts");
            ui.type("#clusterName", "demo");
            ui.type("#hostLines", String.join("\n", lab.hosts().subList(0, 3).stream()
                    .map(h -> h.name() + " " + h.address()).toList()));
            ui.type("#sshKey", lab.privateKey().toString());
            ui.waitUntil("the hosts accepted", Duration.ofSeconds(10), () -> ui.enabled("#next"));
            Screenshot.of(ui.stage(), "install-hosts.png");
        } finally {
            ui.close();
        }
    }

    @Test
    @Order(2)
    void installFromTheInventoryUpToTheResult() throws Exception {
        WizardHarness ui = new WizardHarness();
        ui.open(() -> Screenshot.sized(InstallWizard.open(null, services)));
        try {
            ui.type("#inventoryPath", inventory.toString());
            ui.next(Duration.ofSeconds(20));
            ui.next(Duration.ofSeconds(5));
            ui.waitUntil("new host keys listed", Duration.ofSeconds(60), () -> ui.shown("#trustHostKeys"));
            ui.click("#trustHostKeys");
            ui.waitUntil("preflight passed", Duration.ofSeconds(60), () -> ui.enabled("#next"));
            assertThat(ui.lookup("#preflightRows").queryAs(TableView.class).getItems()).hasSize(3);
            Screenshot.of(ui.stage(), "install-preflight.png");

            ui.click("#next");
            ui.awaitReview(Duration.ofSeconds(90));
            assertThat(ui.text("#reviewHeadline")).contains("Plan: install on cluster");
            Screenshot.of(ui.stage(), "install-review.png");

            ui.click("#next");
            // Mid-run: some steps done on every host, the log flowing (the install takes tens of seconds).
            ui.waitUntil("the run under way", Duration.ofSeconds(120), () -> ui.lookup("#runLog")
                    .queryAs(ListView.class).getItems().size() > 25 || ui.shown("#resultHeadline"));
            if (!ui.shown("#resultHeadline")) {
                Screenshot.of(ui.stage(), "install-run.png");
            }
            ui.awaitResult("run finished", Duration.ofSeconds(240));
            assertThat(ui.text("#resultHeadline")).isEqualTo("Done.");
            Screenshot.of(ui.stage(), "install-result.png");
        } finally {
            ui.close();
        }
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void certificatesTab() throws Exception {
        FxRobot robot = new FxRobot();
        MainWindow[] window = {healthyMainWindow(robot, 780)};
        try {
            robot.clickOn("#certificates-tab");
            Fx.await(Duration.ofSeconds(90), "the certificates read over SSH", () -> robot.lookup("#certificates-table")
                    .tryQuery().map(t -> ((TableView<CertificateRow>) t).getItems().size() >= 4).orElse(false));
            // The tabs get most of the height, as a user drags the divider up to read a long table.
            Fx.run(() -> robot.lookup(".split-pane").queryAs(SplitPane.class).setDividerPositions(0.38));
            Screenshot.of(Fx.get(() -> window[0].scene()), "certificates-tab.png");
        } finally {
            Fx.run(window[0]::dispose);
        }
    }

    @Test
    @Order(4)
    void addMemberWizardWithASpareHostChosen() throws Exception {
        WizardHarness ui = new WizardHarness();
        ui.open(() -> Screenshot.sized(AddMemberWizard.open(null, services, inventory)));
        try {
            ui.waitUntil("free hosts listed", Duration.ofSeconds(60), () -> ui.shown("#host-lab4"));
            ui.click("#host-lab4");
            ui.waitUntil("its new host key shown", Duration.ofSeconds(30), () -> ui.shown("#trustHostKeys"));
            assertThat(ui.text("#hostKeys")).startsWith("lab4: NEW: ssh-ed25519 SHA256:");
            Screenshot.of(ui.stage(), "add-member-wizard.png");
        } finally {
            ui.close();
        }
    }

    @Test
    @Order(5)
    void replaceMemberWizardWithAMemberPreselected() throws Exception {
        WizardHarness ui = new WizardHarness();
        ui.open(() -> Screenshot.sized(ReplaceMemberWizard.open(null, services, inventory, "etcd3")));
        try {
            ui.waitUntil("members read", Duration.ofSeconds(60), () -> ui.lookup("#oldMember")
                    .queryComboBox().getValue() != null);
            ui.click("#newHost");
            ui.click("lab5");
            ui.waitUntil("lab5's host key read", Duration.ofSeconds(30), () -> ui.text("#hostKeys").startsWith("lab5: "),
                    () -> ui.text("#hostKeys"));
            Screenshot.of(ui.stage(), "replace-member-wizard.png");
        } finally {
            ui.close();
        }
    }

    @Test
    @Order(6)
    void renewCertificatesWizardAndItsReview() throws Exception {
        WizardHarness ui = new WizardHarness();
        ui.open(() -> Screenshot.sized(RenewCertificatesWizard.open(null, services, inventory,
                List.of("lab1", "lab2", "lab3"), 30, () -> { })));
        try {
            ui.click("#renewAll");
            Screenshot.of(ui.stage(), "renew-wizard.png");
            ui.next(Duration.ofSeconds(5));
            ui.awaitReview(Duration.ofSeconds(90));
            Screenshot.of(ui.stage(), "renew-review.png");
        } finally {
            ui.close();
        }
    }

    @Test
    @Order(7)
    void removeMemberWizardWithItsArithmetic() throws Exception {
        WizardHarness ui = new WizardHarness();
        ui.open(() -> Screenshot.sized(RemoveMemberWizard.open(null, services, inventory, "etcd3")));
        try {
            ui.waitUntil("the member chosen and the arithmetic said", Duration.ofSeconds(60),
                    () -> ui.text("#quorumArithmetic").startsWith("3 voting members"));
            Screenshot.of(ui.stage(), "remove-member-wizard.png");
        } finally {
            ui.close();
        }
    }

    @Test
    @Order(8)
    @SuppressWarnings("unchecked")
    void maintenanceWizardWithEachMembersSpace() throws Exception {
        WizardHarness ui = new WizardHarness();
        ui.open(() -> Screenshot.sized(MaintenanceWizard.open(null, services, inventory)));
        try {
            ui.waitUntil("the members' space read", Duration.ofSeconds(60), () -> ui.lookup("#spaceTable")
                    .queryAs(TableView.class).getItems().size() == 3);
            ui.interact(() -> ui.lookup("#task-compact").queryAs(javafx.scene.control.RadioButton.class).fire());
            Screenshot.of(ui.stage(), "maintenance-wizard.png");
        } finally {
            ui.close();
        }
    }

    @Test
    @Order(9)
    void aClusterInstalledElsewhereOffersAdoption() throws Exception {
        // A Quorum home without this cluster's CA: what a workstation sees of a cluster Kubespray
        // (or another workstation) installed.
        QuorumHome elsewhere = new QuorumHome(dir.resolve("elsewhere"));
        FxRobot robot = new FxRobot();
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupStage(stage -> {
            window[0] = new MainWindow(ShellServices.standard(executor, elsewhere));
            stage.setScene(window[0].scene());
            stage.setWidth(1280);
            stage.setHeight(780);
            stage.show();
        });
        try {
            Fx.run(() -> window[0].openInventory(inventory, Optional.of(knownHosts)));
            Fx.await(Duration.ofSeconds(60), "the adopt offer", () -> robot.lookup("#adopt-cluster").tryQuery()
                    .map(javafx.scene.Node::isVisible).orElse(false));
            Screenshot.of(Fx.get(() -> window[0].scene()), "adopt-offer.png");
        } finally {
            Fx.run(window[0]::dispose);
        }
        WizardHarness ui = new WizardHarness();
        WizardServices there = new WizardServices(executor, elsewhere, services.ssh(), event -> { });
        ui.open(() -> Screenshot.sized(AdoptClusterWizard.open(null, there, inventory, () -> { })));
        try {
            ui.waitUntil("the adopt page", Duration.ofSeconds(30), () -> ui.shown("#removeCaKey"));
            Screenshot.of(ui.stage(), "adopt-wizard.png");
        } finally {
            ui.close();
        }
    }

    @Test
    @Order(10)
    void chartsTabWithALeaderChangeOnTheTimeline() throws Exception {
        FxRobot robot = new FxRobot();
        MainWindow[] window = {healthyMainWindow(robot, 900)};
        LabHost leader = null;
        try {
            robot.clickOn("#charts-tab");
            for (int i = 0; i < 20; i++) { // writes, so the index and disk charts have something to draw
                lab.host(0).exec("/usr/local/bin/etcdctl.sh put screenshot-" + i + " " + i).requireOk("put a key");
            }
            Fx.await(Duration.ofSeconds(90), "four scrapes of every member", () -> chartPoints(robot) >= 4);
            String leaderName = leaderHost();
            leader = lab.hosts().stream().filter(h -> h.name().equals(leaderName)).findFirst().orElseThrow();
            leader.exec("systemctl stop etcd").requireOk("stop etcd on the leader");
            Fx.await(Duration.ofSeconds(90), "a leader change on the timeline", () -> ((ListView<?>) robot.lookup("#timeline-events")
                    .query()).getItems().stream().map(TimelineEvent.class::cast)
                    .anyMatch(event -> event.kind() == TimelineEvent.Kind.LEADER_CHANGE));
            leader.exec("systemctl start etcd").requireOk("start etcd again on the old leader");
            leader = null;
            int before = chartPoints(robot);
            Fx.await(Duration.ofSeconds(90), "two more scrapes after the restart", () -> chartPoints(robot) >= before + 2);
            // What an operator looks at in an incident: the last minutes, the tabs given the height.
            javafx.scene.Parent charts = robot.lookup("#charts-view").queryParent();
            @SuppressWarnings("unchecked")
            javafx.scene.control.ChoiceBox<ChartRange> range = robot.lookup("#charts-range")
                    .queryAs(javafx.scene.control.ChoiceBox.class);
            SplitPane split = robot.lookup(".split-pane").queryAs(SplitPane.class);
            Fx.run(() -> {
                range.getSelectionModel().select(ChartRange.FIVE_MINUTES);
                split.setDividerPositions(0.0);
            });
            Screenshot.of(Fx.get(() -> window[0].scene()), "charts-tab.png");
            ScrollPane scroll = robot.from(charts).lookup(".scroll-pane").queryAs(ScrollPane.class);
            Fx.run(() -> scroll.setVvalue(1.0));
            Screenshot.of(Fx.get(() -> window[0].scene()), "charts-timeline.png");
        } finally {
            if (leader != null) {
                leader.exec("systemctl start etcd");
            }
            Fx.run(window[0]::dispose);
        }
    }

    @Test
    @Order(11)
    void mainWindowWithItsMembers() throws Exception {
        MainWindow window = healthyMainWindow(new FxRobot(), 780);
        try {
            Screenshot.of(Fx.get(window::scene), "main-window.png");
        } finally {
            Fx.run(window::dispose);
        }
    }

    /**
     * The first screen with two known clusters: the lab cluster, and "staging" on lab4, where nothing runs (its
     * card says why it is unknown). The backups are read as the app reads them, with the lab's known_hosts.
     */
    @Test
    @Order(12)
    void overviewWithTwoClusters() throws Exception {
        LabHost spare = lab.host(3);
        Path staging = Files.createDirectories(dir.resolve("staging")).resolve("hosts.yaml");
        Files.writeString(staging, "all:\n  hosts:\n    " + spare.name() + ":\n      ansible_host: " + spare.address()
                + "\n      ip: " + spare.address() + "\n      ansible_user: root\n      ansible_ssh_private_key_file: "
                + lab.privateKey() + "\n  children:\n    etcd:\n      hosts: {" + spare.name() + ": {}}\n");
        OpenedFrom.record(services.home(), "staging", staging);
        FxRobot robot = new FxRobot();
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupStage(stage -> {
            window[0] = new MainWindow(ShellServices.standard(executor, services.home())
                    .withActions(c -> new RecordingShellActions()).withBackupReads(LabScreenshotsTest::backups));
            stage.setScene(window[0].scene());
            stage.setWidth(1280);
            stage.setHeight(780);
            stage.show();
        });
        try {
            Fx.await(Duration.ofSeconds(120), "both cards read, the lab cluster's backups too", () -> robot
                    .lookup(".cluster-card").queryAll().size() == 2
                    && !robot.lookup("#card-staging .card-health").queryAs(Label.class).getText().startsWith("reading")
                    && robot.lookup("#card-demo .card-backups").queryAs(Label.class).getText().startsWith("backups: ")
                    && !robot.lookup("#card-demo .card-backups").queryAs(Label.class).getText().endsWith("reading..."));
            assertThat(Fx.get(() -> robot.lookup("#card-demo .card-health").queryAs(Label.class).getText()))
                    .isEqualTo("3/3 healthy, tolerates 1 failure");
            assertThat(Fx.get(() -> robot.lookup("#card-demo .card-backups").queryAs(Label.class).getText()))
                    .isEqualTo("backups: no backups yet");
            Screenshot.of(Fx.get(() -> window[0].scene()), "overview.png");
        } finally {
            Fx.run(window[0]::dispose);
        }
    }

    private static BackupHealth backups(ClusterSource source) {
        try (ClusterSession session = new ClusterSession(source.inventory(), services.home(),
                new SshConnector(services.ssh()))) {
            return BackupOverview.read(session).health();
        }
    }

    /** The fewest points any member has on the applied-index chart. */
    @SuppressWarnings("unchecked")
    private static int chartPoints(FxRobot robot) {
        return Fx.get(() -> {
            List<XYChart.Series<Number, Number>> lines = robot.lookup("#chart-applied-index").tryQuery()
                    .map(c -> List.copyOf(((LineChart<Number, Number>) c).getData())).orElse(List.of());
            return lines.size() < 3 ? 0 : lines.stream().mapToInt(l -> l.getData().size()).min().orElse(0);
        });
    }

    private static String leaderHost() {
        try (ClusterSession session = new ClusterSession(new InventoryReader().read(inventory), services.home(),
                new SshConnector(services.ssh())); EtcdAdmin admin = session.etcd()) {
            return ClusterProbe.probe(admin, session.inventory().etcdMembers(), Duration.ofSeconds(5))
                    .leader().map(MemberStatus::hostName).orElseThrow(() -> new AssertionError("no leader"));
        }
    }

    /** The main window at the docs' width, showing the lab cluster once its status says all three are healthy. */
    private static MainWindow healthyMainWindow(FxRobot robot, int height) throws Exception {
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupStage(stage -> {
            window[0] = new MainWindow(ShellServices.standard(executor, services.home())
                    .withActions(c -> new RecordingShellActions()));
            stage.setScene(window[0].scene());
            stage.setWidth(1280);
            stage.setHeight(height);
            stage.show();
        });
        try {
            Fx.run(() -> window[0].openInventory(inventory, Optional.of(knownHosts)));
            Fx.await(Duration.ofSeconds(60), "the lab cluster healthy", () -> robot.lookup("#status-sentence")
                    .queryAs(Label.class).getText().startsWith("3/3 healthy"));
            return window[0];
        } catch (Exception | AssertionError e) {
            Fx.run(window[0]::dispose);
            throw e;
        }
    }
}
