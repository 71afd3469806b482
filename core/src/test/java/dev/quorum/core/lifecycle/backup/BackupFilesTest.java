package dev.quorum.core.lifecycle.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.PlanShapes;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupFilesTest {
    @TempDir
    Path dir;
    private ClusterSession session;
    private EtcdMember node2;

    @BeforeEach
    void inventory() throws Exception {
        session = PlanShapes.offlineSession(dir, 3, 3);
        node2 = session.inventory().etcdMembers().get(1);
    }

    @Test
    void theEnvFileNamesThisHostsAdminCertificateAndTheLocalMemberEachValueSingleQuoted() {
        String env = BackupFiles.envFile(node2, session.inventory().etcd(), BackupSchedule.of(Duration.ofMinutes(30), 5));

        String certs = session.inventory().etcd().certDir();
        assertThat(env.lines().filter(l -> !l.startsWith("#"))).allMatch(l -> l.matches("[A-Z_0-9]+='[^'\\n]*'"));
        assertThat(env).contains("QUORUM_BACKUP_DIR='/var/backups/quorum-etcd'\n", "QUORUM_BACKUP_KEEP='5'\n",
                "QUORUM_BACKUP_MEMBER='" + node2.memberName() + "'\n",
                "QUORUM_BACKUP_ENDPOINT='https://127.0.0.1:2379'\n",
                "QUORUM_BACKUP_CERT='" + certs + "/admin-node2.pem'\n",
                "QUORUM_BACKUP_KEY='" + certs + "/admin-node2-key.pem'\n")
                .doesNotContain("AWS_", "S3_");
    }

    @Test
    void theOffsiteSettingsAndTheSecretGoOnlyIntoTheEnvFile() {
        BackupSchedule schedule = BackupSchedule.of(Duration.ofHours(1), 3).withOffsite(new OffsiteCopy(
                "s3://etcd-backups/prod/", "http://10.0.0.9:9000", "us-east-1", "AKID", "se/cr+et="));

        String env = BackupFiles.envFile(node2, session.inventory().etcd(), schedule);

        assertThat(env).contains("QUORUM_BACKUP_S3_BUCKET='etcd-backups'\n", "QUORUM_BACKUP_S3_PREFIX='prod'\n",
                "QUORUM_BACKUP_S3_ENDPOINT='http://10.0.0.9:9000'\n", "AWS_SECRET_ACCESS_KEY='se/cr+et='\n");
        assertThat(BackupFiles.timerUnit(schedule) + BackupFiles.serviceUnit()).doesNotContain("se/cr+et=");
    }

    @Test
    void aValueThatWouldNeedAQuoteInsideIsRefusedNotEscaped() {
        assertThatThrownBy(() -> BackupFiles.quoted("AWS_SECRET_ACCESS_KEY", "it's"))
                .isInstanceOf(BackupException.class).hasMessageContaining("the character '");
        assertThatThrownBy(() -> BackupFiles.quoted("X", "a\nY=b"))
                .isInstanceOf(BackupException.class).hasMessageContaining("line break");
    }

    @Test
    void theTimerFiresAfterBootAndThenEveryIntervalWithASmallSpread() {
        String timer = BackupFiles.timerUnit(BackupSchedule.of(Duration.ofMinutes(30), 5));

        assertThat(timer).contains("OnBootSec=1800s\n", "OnUnitActiveSec=1800s\n", "RandomizedDelaySec=60s\n",
                "Persistent=true\n", "WantedBy=timers.target\n", "every 30m");
        assertThat(BackupFiles.timerUnit(BackupSchedule.of(Duration.ofMinutes(2), 5)))
                .contains("RandomizedDelaySec=12s\n");
    }

    @Test
    void theServiceIsAOneshotOfTheScriptWithItsSettingsAtIdlePriority() {
        assertThat(BackupFiles.serviceUnit()).contains("Type=oneshot\n", "EnvironmentFile=/etc/quorum-backup.env\n",
                "ExecStart=/usr/local/bin/quorum-backup\n", "IOSchedulingClass=idle\n", "Nice=10\n")
                .doesNotContain("[Install]");
    }

    @Test
    void theScriptIsShippedWhole() {
        assertThat(BackupFiles.script()).startsWith("#!/bin/sh\n").contains("snapshot save", "sha256sum", ".partial");
    }
}
