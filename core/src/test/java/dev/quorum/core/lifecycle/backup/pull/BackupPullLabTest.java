package dev.quorum.core.lifecycle.backup.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.backup.BackupEntry;
import dev.quorum.core.lifecycle.backup.BackupList;
import dev.quorum.core.lifecycle.backup.BackupPlans;
import dev.quorum.core.lifecycle.backup.BackupSchedule;
import dev.quorum.core.lifecycle.backup.HostBackups;
import dev.quorum.core.release.Sha256;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.core.snapshot.SnapshotIntegrity;
import dev.quorum.core.snapshot.SnapshotStore;
import dev.quorum.core.snapshot.SnapshotVerifier;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup taken by the scheduled job on a lab member (one member; the second lab host is outside the etcd group),
 * pulled to the workstation by the location {@code backup list} gives: the copy is the listed sha256 and passes etcd's
 * integrity check, a re-run is ok, another file at the target is left alone, a file that is not a verified backup is
 * refused, and while the host is cut off only the copy pulled earlier is accepted.
 */
@LabHosts(count = 2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupPullLabTest {
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;
    static BackupEntry backup;

    @BeforeAll
    static void installScheduleAndRun() {
        cluster = new LabCluster(lab, dir, Map.of(), 1);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
        LabCluster.Outcome scheduled = cluster.run(session -> BackupPlans.schedule(session,
                BackupSchedule.of(Duration.ofHours(1), 2)));
        assertThat(scheduled.result().succeeded()).as(scheduled.log()).isTrue();
        // more than 1 MiB of values, so a copy in 1 MiB pieces takes several
        for (int i = 0; i < 3; i++) {
            lab.host(0).exec("head -c 600000 /dev/urandom | base64 -w0 | /usr/local/bin/etcdctl.sh put big-" + i)
                    .requireOk("put a large value");
        }
        LabCluster.Outcome ran = cluster.run(session -> BackupPlans.run(session, Optional.empty()));
        assertThat(ran.result().succeeded()).as(ran.log()).isTrue();
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            HostBackups host = BackupList.read(session, lab.host(0).name());
            backup = host.newest().orElseThrow();
        }
        assertThat(backup.verified()).isTrue();
        assertThat(backup.size()).isGreaterThan(1024 * 1024);
    }

    static LabCluster.Outcome pull(String location, Path into, int pieceMib) {
        return cluster.run(session -> {
            HostBackupLocation parsed = (HostBackupLocation) BackupLocation.parse(location);
            return BackupPulls.plan(session.inventory().clusterName(), new PullRequest(parsed, into),
                    new HostBackupSource(session, parsed, pieceMib));
        });
    }

    @Test
    @Order(1)
    void theListedBackupIsPulledByItsLocationAndIsTheListedBytes() throws Exception {
        Path into = dir.resolve("pulled");

        LabCluster.Outcome pulled = pull(backup.location(), into, 1);

        assertThat(pulled.result().succeeded()).as(pulled.log()).isTrue();
        assertThat(pulled.result().summary().changed()).isEqualTo(1);
        Path file = into.resolve(backup.location().substring(backup.location().lastIndexOf('/') + 1));
        assertThat(Sha256.of(file)).isEqualTo(backup.sha256());
        assertThat(Files.size(file)).isEqualTo(backup.size());
        assertThat(SnapshotVerifier.verify(file).state()).isEqualTo(SnapshotIntegrity.State.INTACT);
        SnapshotInfo info = SnapshotStore.readMetadata(file).orElseThrow();
        assertThat(info.revision()).isEqualTo(backup.revision());
        assertThat(info.reason()).isEqualTo("pulled from " + backup.location());
        assertThat(into.resolve(file.getFileName() + ".partial")).doesNotExist();

        LabCluster.Outcome again = pull(backup.location(), into, 64);
        assertThat(again.result().succeeded()).as(again.log()).isTrue();
        assertThat(again.result().summary().nothingChanged()).as(again.log()).isTrue();
        assertThat(again.log()).contains("already here");
    }

    @Test
    @Order(2)
    void intoTheSnapshotFolderByDefaultWhereTheStoreListsIt() throws Exception {
        LabCluster.Outcome pulled = cluster.run(session -> {
            PullRequest request = new PullRequest(BackupLocation.parse(backup.location()), BackupPulls.defaultDir(session));
            return BackupPulls.plan(session, request, location -> {
                throw new AssertionError("a host location needs no S3");
            });
        });

        assertThat(pulled.result().succeeded()).as(pulled.log()).isTrue();
        Path snapshots = cluster.home.snapshots(cluster.inventory().clusterName());
        assertThat(new SnapshotStore(snapshots).list()).extracting(SnapshotInfo::sha256).contains(backup.sha256());
    }

    @Test
    @Order(3)
    void anotherFileAtTheTargetIsLeftAsItIs() throws Exception {
        Path into = Files.createDirectories(dir.resolve("occupied"));
        Path file = into.resolve(backup.location().substring(backup.location().lastIndexOf('/') + 1));
        Files.writeString(file, "someone else's file");

        LabCluster.Outcome pulled = pull(backup.location(), into, 64);

        assertThat(pulled.result().succeeded()).isFalse();
        assertThat(pulled.firstFailure()).contains("already exists", "left as it is", "--to DIR");
        assertThat(Files.readString(file)).isEqualTo("someone else's file");
    }

    @Test
    @Order(4)
    void aFileThatIsNotAListedVerifiedBackupIsRefused() {
        LabHost host = lab.host(0);
        String dirOnHost = BackupSchedule.DEFAULT_DIR;
        String unlisted = host.name() + ":" + dirOnHost + "/quorum-backup-nobody-20000101T000000Z.db";
        LabCluster.Outcome missing = pull(unlisted, dir.resolve("refused"), 64);
        assertThat(missing.result().succeeded()).isFalse();
        assertThat(missing.firstFailure()).contains("is not a backup", "quorum backup list");

        host.exec("cp /etc/hostname " + dirOnHost + "/quorum-backup-byhand-20000101T000000Z.db").requireOk("place a file");
        LabCluster.Outcome byHand = pull(host.name() + ":" + dirOnHost + "/quorum-backup-byhand-20000101T000000Z.db",
                dir.resolve("refused"), 64);
        assertThat(byHand.result().succeeded()).isFalse();
        assertThat(byHand.firstFailure()).contains("not a verified backup", "no manifest");
        assertThat(dir.resolve("refused")).doesNotExist();

        String spare = lab.host(1).name() + ":" + dirOnHost + "/quorum-backup-x-20000101T000000Z.db";
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            assertThatThrownBy(() -> BackupPulls.plan(session, new PullRequest(BackupLocation.parse(spare), dir),
                    location -> null)).isInstanceOf(BackupLocationException.class)
                    .hasMessageContaining("not a host of the inventory's etcd group");
        }
    }

    @Test
    @Order(5)
    void whileTheHostIsCutOffOnlyTheCopyPulledEarlierIsAccepted() {
        LabHost host = lab.host(0);
        host.cutLink();
        try {
            LabCluster.Outcome earlier = pull(backup.location(), dir.resolve("pulled"), 64);
            assertThat(earlier.result().succeeded()).as(earlier.log()).isTrue();
            assertThat(earlier.log()).contains("pulled earlier", "could not be asked now");

            LabCluster.Outcome fresh = pull(backup.location(), dir.resolve("elsewhere"), 64);
            assertThat(fresh.result().succeeded()).isFalse();
            assertThat(fresh.firstFailure()).contains("cannot tell", "nothing was copied");
            assertThat(dir.resolve("elsewhere")).doesNotExist();
        } finally {
            host.healLink();
        }
    }
}
