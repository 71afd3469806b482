package dev.quorum.app.backups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.cli.QuorumCli;
import dev.quorum.app.labtest.DesktopLabCluster;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.PlanRuns;
import dev.quorum.core.lifecycle.backup.BackupPlans;
import dev.quorum.core.lifecycle.backup.BackupSchedule;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Backups tab of the main window on a real 3-host lab cluster with backups scheduled every hour: Run now
 * takes a verified backup on every member's host and lists them; with a full disk under one host's backup
 * directory, Run now fails there, the cluster shows the FAILED badge, and {@code quorum status} says so and fails.
 */
@LabHosts(count = 3)
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupsViewLabTest {
    static Lab lab;
    @RegisterExtension
    static final DesktopLabCluster app = DesktopLabCluster.installed(3);
    static final WizardHarness ui = new WizardHarness();

    @BeforeAll
    static void scheduleAndOpen() throws Exception {
        try (ClusterSession session = app.cluster().session()) {
            var scheduled = PlanRuns.apply(app.home(), BackupPlans.schedule(session,
                    BackupSchedule.of(Duration.ofHours(1), 2)), event -> { }, new Cancellation());
            assertThat(scheduled.result().succeeded()).as(scheduled.result().failures().toString()).isTrue();
        }
        // a snapshot of a cluster without keys has revision 0
        lab.host(0).exec("/usr/local/bin/etcdctl.sh put backups-view-test 1").requireOk("put a key");
        app.openWindowShowing("#backups-tab");
    }

    @SuppressWarnings("unchecked")
    static List<BackupRow> rows() {
        return List.copyOf(ui.lookup("#backups-table").queryAs(TableView.class).getItems());
    }

    static void awaitIdle(String what) {
        ui.waitUntil(what, Duration.ofSeconds(180), () -> ui.enabled("#backups-refresh"),
                () -> ui.text("#backups-status") + " " + ui.text("#backups-error"));
    }

    @Test
    @Order(1)
    void runNowTakesAVerifiedBackupOnEveryMemberAndListsThem() throws Exception {
        ui.click("#backups-tab");
        awaitIdle("the schedule read");
        assertThat(ui.text("#backups-schedule")).isEqualTo("every 1h, keep the newest 2 per host");
        assertThat(ui.text("#backups-health")).as("scheduled just now, nothing due yet").isEqualTo("pending");
        assertThat(ui.text("#backups-next-run")).isNotEqualTo("-");
        assertThat(ui.shown("#backups-badge")).isFalse();

        ui.click("#backups-run-now");
        awaitIdle("Run now finished and read again");

        assertThat(ui.text("#backups-error")).isEmpty();
        assertThat(ui.text("#backups-health")).isEqualTo("fresh");
        assertThat(ui.text("#backups-last-result")).startsWith("succeeded, last ended ");
        List<BackupRow> rows = rows();
        assertThat(rows).extracting(BackupRow::host).containsExactlyInAnyOrder("lab1", "lab2", "lab3");
        assertThat(rows).allMatch(r -> r.verified().equals("verified") && Long.parseLong(r.revision()) > 0, rows.toString());
        for (BackupRow row : rows) {
            LabHost host = lab.hosts().stream().filter(h -> h.name().equals(row.host())).findFirst().orElseThrow();
            String path = row.location().substring(row.location().indexOf(':') + 1);
            assertThat(host.exec("sha256sum " + path).stdout()).startsWith(row.entry().sha256() + " ");
        }
        try (Stream<Path> logs = Files.list(app.home().runs(app.cluster().name()))) {
            assertThat(logs.map(p -> p.getFileName().toString())).as("logged as every run is")
                    .anyMatch(name -> name.endsWith("-backup-run.jsonl"));
        }
        QuorumCli.Result status = status();
        assertThat(status.out()).contains("Backups: fresh, newest verified ");
        assertThat(status.exit()).as(status.out() + status.err()).isZero();
    }

    @Test
    @Order(2)
    void aFullDiskFailsTheRunOnThatHostTheBadgeShowsItAndStatusFails() {
        LabHost full = lab.host(1);
        full.fillDisk(BackupSchedule.DEFAULT_DIR);
        try {
            ui.click("#backups-run-now");
            awaitIdle("Run now finished with a failure on " + full.name());
        } finally {
            full.freeDisk(BackupSchedule.DEFAULT_DIR);
        }

        assertThat(ui.text("#backups-error")).contains(full.name()).contains("snapshot save failed");
        assertThat(ui.text("#backups-last-result")).isEqualTo("failed on " + full.name() + " (exit status 1)");
        assertThat(ui.shown("#backups-badge")).isTrue();
        assertThat(ui.text("#backups-badge")).isEqualTo("backups FAILED");

        QuorumCli.Result status = status();
        assertThat(status.out()).contains("Backups: FAILED: " + full.name() + ": the last run failed (result exit-code, "
                + "exit status 1)");
        assertThat(status.exit()).as("backups are part of the cluster's health").isEqualTo(1);
        QuorumCli.Result diagnose = QuorumCli.run(app.home().root(), "diagnose", "-i", app.inventory().toString(),
                "--known-hosts", lab.knownHosts().toString());
        assertThat(diagnose.out()).contains("Scheduled backups: FAILED")
                .contains("quorum backup run -i " + app.inventory() + " --host " + full.name());
    }

    static QuorumCli.Result status() {
        return QuorumCli.run(app.home().root(), "status", "-i", app.inventory().toString(),
                "--known-hosts", lab.knownHosts().toString());
    }
}
