package dev.quorum.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.backups.BackupRow;
import dev.quorum.app.certificates.LoadState;
import dev.quorum.app.cluster.ClusterHealth;
import dev.quorum.app.cluster.ClusterViewModel;
import dev.quorum.app.cluster.MemberState;
import dev.quorum.app.cluster.MemberViewModel;
import dev.quorum.app.labtest.DesktopLabCluster;
import dev.quorum.app.maintenance.MaintenanceWizard;
import dev.quorum.app.recover.DiagnosisRefresh;
import dev.quorum.app.recover.RecoverWizard;
import dev.quorum.app.recover.WizardOpener;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.PlanRuns;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.lifecycle.backup.BackupPlans;
import dev.quorum.core.lifecycle.backup.BackupSchedule;
import dev.quorum.core.lifecycle.maintenance.MemberSpace;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.scene.chart.LineChart;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15's "the app shows both clusters of an inventory" on real etcd: three lab hosts installed with
 * etcd_events_cluster_enabled, the main window opened on the inventory, the header's switch to the events cluster
 * shows three healthy members named *-events on client port 2383, the etcd-events unit and the certificate served on
 * 2383, the certificates read with /etc/etcd-events.env, and charts scraped from the members' 2383 (decision 0044);
 * the Maintenance wizard defragments the events members, the Backups tab runs their own backup (decision 0049) and
 * the Recover wizard starts a stopped events member.
 */
@LabHosts(count = 3)
@Timeout(900)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsClusterViewLabTest {
    static Lab lab;
    @RegisterExtension
    static final DesktopLabCluster app = DesktopLabCluster.installed(3)
            .withVars(Map.of("etcd_events_cluster_enabled", true));
    static MainWindow window;
    static final WizardHarness ui = new WizardHarness();

    @BeforeAll
    static void open() throws Exception {
        window = app.openWindow();
        ui.waitUntil("the main cluster healthy", Duration.ofSeconds(90),
                () -> model() != null && model().healthProperty().get() == ClusterHealth.HEALTHY,
                () -> model() == null ? "not shown" : model().sentenceProperty().get());
    }

    static ClusterViewModel model() {
        return window.workspace().map(ClusterWorkspace::model).orElse(null);
    }

    static List<MemberViewModel> members() {
        return List.copyOf(model().members());
    }

    @Test
    @Order(1)
    void theSwitchShowsTheEventsClusterWithItsOwnMembers() {
        String main = model().clusterName();
        assertThat(members()).extracting(m -> m.endpointProperty().get()).allMatch(e -> e.endsWith(":2379"));

        ui.interact(() -> ui.lookup("#cluster-events").queryAs(ToggleButton.class).fire());

        ui.waitUntil("the events cluster healthy", Duration.ofSeconds(90),
                () -> model().clusterName().endsWith("-events")
                        && model().healthProperty().get() == ClusterHealth.HEALTHY,
                () -> model().clusterName() + ": " + model().sentenceProperty().get() + " " + model().problemProperty().get());
        assertThat(model().clusterName()).isEqualTo(main + "-events");
        assertThat(members()).hasSize(3).allSatisfy(m -> {
            assertThat(m.name()).endsWith("-events");
            assertThat(m.endpointProperty().get()).endsWith(":2383");
            assertThat(m.state()).isIn(MemberState.LEADER, MemberState.FOLLOWER);
        });
        assertThat(members()).filteredOn(m -> m.state() == MemberState.LEADER).hasSize(1);
        assertThat(ui.text("#cluster-caption")).contains("etcd-events.service", "client port 2383");
    }

    @Test
    @Order(2)
    void aMembersHostFactsAreTheEventsUnitAndTheCertificateServedOn2383() {
        MemberViewModel first = members().get(0);
        ui.interact(() -> model().select(first));
        ui.waitUntil("the host facts read", Duration.ofSeconds(60),
                () -> first.serviceProperty().get().startsWith("etcd-events ")
                        && first.certificateProperty().get().startsWith("valid until"),
                () -> first.serviceProperty().get() + " / " + first.certificateProperty().get());
        assertThat(first.serviceProperty().get()).isEqualTo("etcd-events active, enabled at boot");
    }

    @Test
    @Order(3)
    void theCertificatesAreReadWithTheEventsEnvFile() {
        ui.interact(() -> window.workspace().orElseThrow().tabs().getSelectionModel()
                .select(window.workspace().orElseThrow().tabs().getTabs().stream()
                        .filter(t -> "certificates-tab".equals(t.getId())).findFirst().orElseThrow()));
        var certificates = window.workspace().orElseThrow().certificates();
        ui.waitUntil("the certificates read", Duration.ofSeconds(90),
                () -> certificates.stateProperty().get() == LoadState.LOADED
                        || certificates.stateProperty().get() == LoadState.FAILED,
                () -> certificates.stateProperty().get());
        assertThat(certificates.stateProperty().get()).isEqualTo(LoadState.LOADED);
        // member and admin certificates of every host: the env file named them (an empty one names none)
        assertThat(certificates.rows()).extracting(r -> r.host()).contains("lab1", "lab2", "lab3");
        assertThat(ui.enabled("#certs-renew")).as("certs renew covers both clusters (decision 0048)").isTrue();
    }

    @Test
    @Order(4)
    void theChartsAreScrapedFromTheEventsMembers() {
        ui.interact(() -> window.workspace().orElseThrow().tabs().getSelectionModel()
                .select(window.workspace().orElseThrow().tabs().getTabs().stream()
                        .filter(t -> "charts-tab".equals(t.getId())).findFirst().orElseThrow()));
        ui.waitUntil("a scrape of every events member", Duration.ofSeconds(90), () -> {
            LineChart<?, ?> chart = ui.lookup("#chart-db-size").queryAs(LineChart.class);
            return chart.getData().size() == 3 && chart.getData().stream().allMatch(s -> !s.getData().isEmpty());
        }, () -> ui.text("#charts-problem"));
        assertThat(ui.text("#charts-problem")).isEmpty();
        @SuppressWarnings("unchecked")
        List<String> lines = ui.lookup("#chart-db-size").queryAs(LineChart.class).getData().stream()
                .map(s -> String.valueOf(((javafx.scene.chart.XYChart.Series<?, ?>) s).getName())).toList();
        assertThat(lines).allMatch(name -> name.contains("-events"), "lines named by the events members");
    }

    @Test
    @Order(5)
    void aWizardOpenedOnTheEventsClusterReadsItsMembers() {
        var services = eventsServices();
        var members = dev.quorum.app.wizard.ClusterMembers.read(app.inventory(), services);
        assertThat(members.members()).hasSize(3).allSatisfy(m -> {
            assertThat(m.name()).endsWith("-events");
            assertThat(m.answering()).isTrue();
        });
        assertThat(members.health()).startsWith("3/3 healthy");
    }

    static WizardServices eventsServices() {
        return app.services().onCluster(ClusterLayout.EVENTS);
    }

    /** Decision 0049: the Maintenance wizard opened on the events view reads and defragments the events members. */
    @Test
    @Order(6)
    void theMaintenanceWizardDefragmentsTheEventsMembers() throws Exception {
        String events = model().clusterName();
        assertThat(ui.enabled("#toolbar-maintain")).as("Maintain enabled on the events cluster").isTrue();
        WizardHarness wizard = new WizardHarness();
        wizard.open(() -> MaintenanceWizard.open(null, eventsServices(), app.inventory()));
        try {
            wizard.waitUntil("the events members' sizes read", Duration.ofSeconds(60),
                    () -> spaceRows(wizard).size() == 3, () -> wizard.text("#maintenanceReason"));
            assertThat(spaceRows(wizard)).allSatisfy(m -> {
                assertThat(m.memberName()).endsWith("-events");
                assertThat(m.endpoint()).endsWith(":2383");
            });
            wizard.interact(() -> wizard.lookup("#task-defrag").queryAs(RadioButton.class).fire());
            wizard.interact(() -> wizard.lookup("#minReclaim").queryAs(TextField.class).setText("0"));
            assertThat(wizard.reviewAndRun(Duration.ofSeconds(90), Duration.ofSeconds(240))).as(() -> wizard
                    .items("#resultProblems") + WizardHarness.newestRunLogTail(app.home().runs(events)))
                    .isEqualTo("Done.");
        } finally {
            wizard.close();
        }
        try (Stream<Path> logs = Files.list(app.home().runs(events))) {
            assertThat(logs.map(p -> p.getFileName().toString())).as("logged under the events cluster's folder")
                    .anyMatch(name -> name.endsWith("-defrag.jsonl"));
        }
        assertThat(WizardHarness.newestRunLogTail(app.home().runs(events))).contains("-events");
    }

    /** Decision 0049: the events view's Backups tab runs and lists the events cluster's own backups. */
    @Test
    @Order(7)
    void theBackupsTabRunsTheEventsClustersOwnBackup() throws Exception {
        try (ClusterSession main = app.cluster().session()) {
            ClusterSession events = main.sibling(main.inventory().cluster(ClusterLayout.EVENTS));
            var scheduled = PlanRuns.apply(app.home(), BackupPlans.schedule(events,
                    BackupSchedule.of(Duration.ofHours(1), 2)), event -> { }, new Cancellation());
            assertThat(scheduled.result().succeeded()).as(scheduled.result().failures().toString()).isTrue();
        }
        ui.interact(() -> window.workspace().orElseThrow().tabs().getSelectionModel()
                .select(window.workspace().orElseThrow().tabs().getTabs().stream()
                        .filter(t -> "backups-tab".equals(t.getId())).findFirst().orElseThrow()));
        awaitBackups("the tab idle");
        // the tab's own minutely read may have begun before the timer was written, and selecting the tab does not
        // start a second read while one runs: this read begins after the schedule exists
        ui.click("#backups-refresh");
        awaitBackups("the events schedule read");
        assertThat(ui.text("#backups-schedule")).isEqualTo("every 1h, keep the newest 2 per host");

        ui.click("#backups-run-now");
        awaitBackups("Run now finished and read again");

        assertThat(ui.text("#backups-error")).isEmpty();
        assertThat(ui.text("#backups-last-result")).startsWith("succeeded");
        @SuppressWarnings("unchecked")
        List<BackupRow> rows = List.copyOf(ui.lookup("#backups-table").queryAs(TableView.class).getItems());
        assertThat(rows).extracting(BackupRow::host).containsExactlyInAnyOrder("lab1", "lab2", "lab3");
        assertThat(rows).allSatisfy(r -> assertThat(r.location()).contains(":/var/backups/quorum-etcd-events/"));
        assertThat(lab.host(0).exec("systemctl is-active quorum-backup.timer").stdout().strip())
                .as("the main cluster's timer was never installed").isNotEqualTo("active");
    }

    /**
     * The Recover wizard opened on the events view: etcd-events stopped on lab3 is named, the recommended command
     * carries {@code --cluster events}, and the run starts etcd-events there again; the main cluster's etcd is never
     * touched.
     */
    @Test
    @Order(8)
    void theRecoverWizardStartsAStoppedEventsMemberAndLeavesTheMainClusterAlone() throws Exception {
        String events = model().clusterName();
        String mainPid = lab.host(2).exec("systemctl show -p MainPID --value etcd").stdout().strip();
        assertThat(lab.host(2).exec("systemctl stop etcd-events").ok()).isTrue();
        WizardHarness wizard = new WizardHarness();
        try {
            wizard.open(() -> RecoverWizard.open(null, eventsServices(), app.inventory(), diagnosis -> { },
                    WizardOpener.NONE));
            DiagnosisRefresh.until(wizard, "lab3's events member named as stopped", Duration.ofSeconds(90),
                    () -> wizard.text("#verdictSentence").startsWith("etcd is not running on lab3"));
            assertThat(wizard.text("#verdictWord")).isEqualTo("Degraded");
            assertThat(wizard.text("#recommendedCommand")).isEqualTo("quorum recover -i " + app.inventory()
                    + " --cluster events");
            wizard.click("#next");
            wizard.awaitReview(Duration.ofSeconds(90));
            assertThat(wizard.text("#reviewHeadline")).contains("Plan: recover on cluster " + events);
            wizard.runToResult(Duration.ofSeconds(180));
            assertThat(wizard.text("#resultHeadline")).as(() -> wizard.items("#resultProblems")
                    + WizardHarness.newestRunLogTail(app.home().runs(events))).startsWith("Done");
        } finally {
            wizard.close();
        }
        assertThat(lab.host(2).exec("systemctl is-active etcd-events").stdout().strip()).isEqualTo("active");
        assertThat(lab.host(2).exec("systemctl show -p MainPID --value etcd").stdout().strip())
                .as("the main cluster's etcd on lab3 was not restarted").isEqualTo(mainPid);
        ui.waitUntil("the events view healthy again", Duration.ofSeconds(90),
                () -> model().healthProperty().get() == ClusterHealth.HEALTHY, () -> model().sentenceProperty().get());
    }


    static void awaitBackups(String what) {
        ui.waitUntil(what, Duration.ofSeconds(180), () -> ui.enabled("#backups-refresh"),
                () -> ui.text("#backups-status") + " " + ui.text("#backups-error"));
    }

    @SuppressWarnings("unchecked")
    static List<MemberSpace> spaceRows(WizardHarness wizard) {
        return wizard.lookup("#spaceTable").queryAs(TableView.class).getItems();
    }
}
