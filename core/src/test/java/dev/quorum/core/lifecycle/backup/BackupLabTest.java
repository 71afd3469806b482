package dev.quorum.core.lifecycle.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled backups on three lab members (the lab's default etcd): the schedule is installed, each member
 * snapshots itself by {@code backup run} (the job the timer starts) and keeps its newest two verified
 * backups; a full disk fails the run on that host with the script's reason and leaves nothing counted;
 * unscheduling keeps the backups.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupLabTest {
    /** An hour: no timer fires by itself while the test runs, except where a test brings it forward. */
    static final BackupSchedule EVERY_HOUR_KEEP_TWO = BackupSchedule.of(Duration.ofHours(1), 2);
    static final String DIR = BackupSchedule.DEFAULT_DIR;

    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;

    @BeforeAll
    static void install() {
        cluster = new LabCluster(lab, dir, Map.of());
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
    }

    static List<HostBackups> list() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return BackupList.read(session);
        }
    }

    @Test
    @Order(1)
    void scheduleInstallsTheScriptAndARootOnlyEnvFileAndARerunChangesNothing() {
        LabCluster.Outcome scheduled = cluster.run(session -> BackupPlans.schedule(session, EVERY_HOUR_KEEP_TWO));
        assertThat(scheduled.result().succeeded()).as(scheduled.log()).isTrue();

        for (LabHost host : lab.hosts()) {
            assertThat(host.exec("stat -c '%a %U' /etc/quorum-backup.env").stdout().strip()).isEqualTo("600 root");
            assertThat(host.exec("stat -c '%a' /usr/local/bin/quorum-backup").stdout().strip()).isEqualTo("755");
            assertThat(host.readFile("/etc/systemd/system/quorum-backup.timer")).contains("OnUnitActiveSec=3600s");
        }
        LabCluster.Outcome again = cluster.run(session -> BackupPlans.schedule(session, EVERY_HOUR_KEEP_TWO));
        assertThat(again.result().succeeded()).as(again.log()).isTrue();
        assertThat(again.result().summary().nothingChanged()).as(again.log()).isTrue();
    }

    @Test
    @Order(2)
    void threeRunsLeaveTheNewestTwoVerifiedBackupsOnEachHost() {
        for (int run = 1; run <= 3; run++) {
            // a snapshot of a cluster without keys has revision 0: each run has a new write to carry
            lab.host(0).exec("/usr/local/bin/etcdctl.sh put quorum-backup-test run" + run).requireOk("put a key");
            LabCluster.Outcome ran = cluster.run(session -> BackupPlans.run(session, Optional.empty()));
            assertThat(ran.result().succeeded()).as("run " + run + "\n" + ran.log()).isTrue();
        }

        List<HostBackups> hosts = list();
        assertThat(hosts).hasSize(3);
        for (HostBackups host : hosts) {
            assertThat(host.unknown()).isEmpty();
            assertThat(host.backups()).as(host.host()).hasSize(2).allMatch(BackupEntry::verified)
                    .allMatch(b -> b.revision() > 0);
            assertThat(host.backups().get(0).revision()).as("the older kept one is from run 2")
                    .isLessThan(host.backups().get(1).revision());
            LabHost labHost = lab.hosts().stream().filter(h -> h.name().equals(host.host())).findFirst().orElseThrow();
            for (BackupEntry backup : host.backups()) {
                String path = backup.location().substring(backup.location().indexOf(':') + 1);
                assertThat(labHost.exec("sha256sum " + path).stdout()).startsWith(backup.sha256() + " ");
            }
            assertThat(labHost.exec("ls " + DIR).stdout().lines().filter(f -> f.endsWith(".db")).count())
                    .as("only the kept snapshots are on disk").isEqualTo(2);
        }
    }

    /**
     * The timer starts the same job by itself. The rendered interval is a minute at the least, so the first firing
     * is brought forward on one host; a re-run of schedule then puts the rendered timer back.
     */
    @Test
    @Order(3)
    void theTimerTakesABackupByItselfAndScheduleRepairsAnEditedTimer() throws Exception {
        LabHost host = lab.host(0);
        String timer = "/etc/systemd/system/" + BackupFiles.TIMER;
        Optional<BackupEntry> before = newestOn(host);
        host.exec("sed -i 's/^OnActiveSec=.*/OnActiveSec=1s/' " + timer + " && systemctl daemon-reload"
                + " && systemctl restart " + BackupFiles.TIMER).requireOk("bring the timer forward");
        Optional<BackupEntry> after = newestOn(host);
        for (int i = 0; i < 60 && after.equals(before); i++) {
            Thread.sleep(500);
            after = newestOn(host);
        }
        assertThat(after).as("a backup the timer took").isPresent().isNotEqualTo(before);
        assertThat(after.get().verified()).isTrue();

        LabCluster.Outcome repaired = cluster.run(session -> BackupPlans.schedule(session, EVERY_HOUR_KEEP_TWO));
        assertThat(repaired.result().succeeded()).as(repaired.log()).isTrue();
        assertThat(repaired.result().summary().nothingChanged()).as(repaired.log()).isFalse();
        assertThat(host.readFile(timer)).contains("OnActiveSec=3600s");
    }

    private static Optional<BackupEntry> newestOn(LabHost host) {
        return list().stream().filter(h -> h.host().equals(host.name())).findFirst().flatMap(HostBackups::newest);
    }

    @Test
    @Order(4)
    void aFullDiskFailsTheRunOnThatHostWithTheReasonAndCountsNothing() {
        LabHost full = lab.host(1);
        List<BackupEntry> before = list().get(1).backups();
        full.fillDisk(DIR);
        LabCluster.Outcome ran;
        try {
            ran = cluster.run(session -> BackupPlans.run(session, Optional.of(full.name())));
            assertThat(full.exec("ls -a " + DIR).stdout()).doesNotContain(".partial");
        } finally {
            full.freeDisk(DIR);
        }

        assertThat(ran.result().succeeded()).isFalse();
        assertThat(ran.firstFailure()).contains(full.name()).contains("failed").contains("snapshot save failed");
        assertThat(full.exec("ls -a " + DIR).stdout()).doesNotContain(".partial");
        assertThat(list().get(1).backups()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void unscheduleRemovesTheScheduleAndKeepsTheBackups() {
        List<HostBackups> before = list();
        LabCluster.Outcome removed = cluster.run(BackupPlans::unschedule);
        assertThat(removed.result().succeeded()).as(removed.log()).isTrue();

        for (LabHost host : lab.hosts()) {
            assertThat(host.fileExists("/etc/systemd/system/quorum-backup.timer")).isFalse();
            assertThat(host.fileExists("/etc/quorum-backup.env")).isFalse();
        }
        assertThat(list()).isEqualTo(before);
        LabCluster.Outcome again = cluster.run(BackupPlans::unschedule);
        assertThat(again.result().summary().nothingChanged()).as(again.log()).isTrue();
    }
}
