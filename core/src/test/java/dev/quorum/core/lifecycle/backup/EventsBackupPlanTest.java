package dev.quorum.core.lifecycle.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.PlanShapes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events cluster's scheduled backup has its own script, settings, units and folder and snapshots 127.0.0.1:2383,
 * so it sits beside the main cluster's without sharing a file (decision 0043); no host, no root.
 */
class EventsBackupPlanTest {
    @TempDir
    Path dir;
    private ClusterSession main;
    private ClusterSession events;

    @BeforeEach
    void eventsClusterOfThreeHosts() throws Exception {
        main = PlanShapes.offlineSession(dir, 3, 3,
                "      vars:\n        etcd_events_cluster_enabled: true\n");
        events = main.sibling(main.inventory().eventsCluster().orElseThrow());
    }

    private static List<String> previews(Plan plan) {
        return plan.steps().stream()
                .flatMap((PlannedStep s) -> s.targets().stream().flatMap(t -> s.step().preview(t).stream())).toList();
    }

    @Test
    void theEventsScheduleInstallsItsOwnFilesOnly() {
        Plan plan = BackupPlans.schedule(events, BackupSchedule.of(Duration.ofHours(1), 24));

        assertThat(plan.steps().stream().map(PlannedStep::step).filter(BackupFileStep.class::isInstance)
                .map(s -> ((BackupFileStep) s).path())).containsExactly("/usr/local/bin/quorum-backup-events",
                "/etc/quorum-backup-events.env", "/etc/systemd/system/quorum-backup-events.service",
                "/etc/systemd/system/quorum-backup-events.timer");
        assertThat(previews(plan)).anySatisfy(l -> assertThat(l).contains("systemctl is-active etcd-events.service"))
                .anySatisfy(l -> assertThat(l).contains("systemctl enable --now quorum-backup-events.timer"))
                .noneSatisfy(l -> assertThat(l).containsPattern("quorum-backup(\\.| |$)"));
    }

    @Test
    void itsSettingsPointTheScriptAtTheEventsMemberAndFolder() {
        EtcdMember member = events.inventory().etcdMembers().get(0);
        BackupSchedule schedule = BackupPlans.forCluster(events, BackupSchedule.of(Duration.ofHours(1), 24));

        String env = BackupFiles.envFile(BackupUnits.EVENTS, member, events.inventory().etcd(), schedule);

        assertThat(env).contains("QUORUM_BACKUP_ENV='/etc/quorum-backup-events.env'")
                .contains("QUORUM_BACKUP_DIR='/var/backups/quorum-etcd-events'")
                .contains("QUORUM_BACKUP_MEMBER='etcd1-events'")
                .contains("QUORUM_BACKUP_ENDPOINT='https://127.0.0.1:2383'")
                .contains("QUORUM_BACKUP_CERT='/etc/ssl/etcd/ssl/admin-node1.pem'");
        assertThat(BackupFiles.serviceUnit(BackupUnits.EVENTS)).contains("After=etcd-events.service ")
                .contains("EnvironmentFile=/etc/quorum-backup-events.env")
                .contains("ExecStart=/usr/local/bin/quorum-backup-events");
        assertThat(BackupFiles.timerUnit(BackupUnits.EVENTS, schedule)).contains("quorum-backup-events.service every");
    }

    @Test
    void theMainClustersFilesStayWhatTheyWere() {
        EtcdMember member = main.inventory().etcdMembers().get(0);
        BackupSchedule schedule = BackupPlans.forCluster(main, BackupSchedule.of(Duration.ofHours(1), 3));
        String env = BackupFiles.envFile(BackupUnits.of(main), member, main.inventory().etcd(), schedule);

        assertThat(env).doesNotContain("QUORUM_BACKUP_ENV").contains("QUORUM_BACKUP_DIR='/var/backups/quorum-etcd'\n");
        assertThat(BackupFiles.serviceUnit()).contains("After=etcd.service network-online.target")
                .contains("(quorum-backup.timer starts it)").contains("EnvironmentFile=/etc/quorum-backup.env");
        assertThat(BackupFiles.timerUnit(BackupSchedule.of(Duration.ofHours(1), 3)))
                .startsWith("# Installed by Quorum: quorum-backup.service every 1h.");
    }

    @Test
    void unscheduleRunAndTheReadingsNameTheEventsUnitsOnly() {
        List<String> lines = new ArrayList<>(previews(BackupPlans.unschedule(events)));
        lines.addAll(previews(BackupPlans.run(events, Optional.empty())));

        assertThat(lines).anySatisfy(l -> assertThat(l).contains("rm /etc/quorum-backup-events.env"))
                .anySatisfy(l -> assertThat(l).contains("mv /usr/local/bin/quorum-backup-events "))
                .anySatisfy(l -> assertThat(l).contains("systemctl start quorum-backup-events.service"))
                .noneSatisfy(l -> assertThat(l).containsPattern("quorum-backup(\\.| |$)"));
        assertThat(ManifestListing.command(BackupUnits.EVENTS)).startsWith("d=/var/backups/quorum-etcd-events;")
                .contains("/etc/quorum-backup-events.env").doesNotContain("/etc/quorum-backup.env");
        assertThat(ScheduleReading.command(BackupUnits.EVENTS)).contains("quorum-backup-events.timer")
                .contains("quorum-backup-events.service").doesNotContain("quorum-backup.timer");
        assertThat(OffsiteListing.command(BackupUnits.EVENTS)).contains("/etc/quorum-backup-events.env");
    }
}
