package dev.quorum.core.lifecycle.backup.offsite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunLog;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.labtest.KeyValues;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.backup.BackupEntry;
import dev.quorum.core.lifecycle.backup.BackupFiles;
import dev.quorum.core.lifecycle.backup.BackupList;
import dev.quorum.core.lifecycle.backup.BackupOverview;
import dev.quorum.core.lifecycle.backup.BackupPlans;
import dev.quorum.core.lifecycle.backup.BackupSchedule;
import dev.quorum.core.lifecycle.backup.BackupStatus;
import dev.quorum.core.lifecycle.backup.HostBackups;
import dev.quorum.core.lifecycle.backup.OffsiteCopy;
import dev.quorum.core.lifecycle.backup.OffsiteListing;
import dev.quorum.core.lifecycle.backup.pull.BackupLocation;
import dev.quorum.core.lifecycle.backup.pull.BackupPulls;
import dev.quorum.core.lifecycle.backup.pull.PullRequest;
import dev.quorum.core.lifecycle.restore.RestorePlan;
import dev.quorum.core.lifecycle.restore.RestoreRequest;
import dev.quorum.core.release.Sha256;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hosts' off-site copy (decision 0023: curl --aws-sigv4 on the host) against a real S3 API server, s3proxy,
 * listening on the lab bridge where the lab's host reaches it: schedule with --copy-to checks the store and puts the
 * key only into the host's root-only env file, each run uploads its verified backup as PREFIX/MEMBER/FILE.db with its
 * sha256, the store keeps the newest 2 of the member's own objects, the object pulls back by its s3:// location, a
 * refused key fails the run with the store's reason while the local backup stays, and a schedule without --copy-to
 * takes the key off the host; after quorum is lost, the off-site object restores the cluster.
 */
@LabHosts(count = 1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OffsiteCopyLabTest {
    static final String BUCKET = "quorum-offsite";
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;
    static S3ProxyServer s3;
    static OffsiteCopy copy;
    static String member;

    @BeforeAll
    static void installAndStartTheStoreOnTheBridge() throws Exception {
        cluster = new LabCluster(lab, dir, java.util.Map.of(), 1);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
        s3 = S3ProxyServer.start(dir.resolve("s3"), InetAddress.getByName(lab.bridgeAddress()));
        s3.createBucket(BUCKET);
        copy = new OffsiteCopy("s3://" + BUCKET + "/lab", s3.endpoint().toString(), S3Endpoint.DEFAULT_REGION,
                S3ProxyServer.ACCESS_KEY, s3.secret());
        member = cluster.inventory().etcdMembers().get(0).memberName();
    }

    @AfterAll
    static void stopTheStore() {
        if (s3 != null) {
            s3.close();
        }
    }

    static S3OffsiteStore store(S3Location location) {
        return S3OffsiteStore.open(location, S3Endpoint.parse(s3.endpoint().toString(), S3Endpoint.DEFAULT_REGION),
                s3.credentials());
    }

    static S3Location memberDir() {
        return S3Location.parse("s3://" + BUCKET + "/lab/" + member + "/");
    }

    static LabCluster.Outcome schedule(Optional<OffsiteCopy> offsite) {
        BackupSchedule request = BackupSchedule.of(Duration.ofHours(1), 2);
        return logged(session -> BackupPlans.schedule(session, offsite.map(request::withOffsite).orElse(request)));
    }

    static LabCluster.Outcome runNow() {
        return logged(session -> BackupPlans.run(session, Optional.empty()));
    }

    /** Every run also written as the CLI and the app write their run history, into the workstation's home. */
    static LabCluster.Outcome logged(LabCluster.PlanFactory plan) {
        Path file = cluster.home.root().resolve("runs").resolve("run-" + System.nanoTime() + ".jsonl");
        try (RunLog log = RunLog.create(file)) {
            return cluster.run(plan, cluster.ssh(), RunMode.APPLY, new Cancellation(), log);
        }
    }

    static HostBackups local() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return BackupList.read(session, lab.host(0).name());
        }
    }

    @Test
    @Order(1)
    void aRefusedKeyStopsTheScheduleBeforeAnyHostChanges() {
        OffsiteCopy wrong = new OffsiteCopy(copy.url(), copy.endpoint(), copy.region(), copy.accessKeyId(), "not-the-secret");

        LabCluster.Outcome refused = schedule(Optional.of(wrong));

        assertThat(refused.result().succeeded()).isFalse();
        assertThat(refused.firstFailure()).contains(S3ProxyServer.ACCESS_KEY).doesNotContain("not-the-secret");
        assertThat(lab.host(0).exec("test -e " + BackupFiles.ENV_FILE).exitCode()).isNotZero();
    }

    @Test
    @Order(2)
    void eachRunUploadsItsVerifiedBackupAndTheStoreKeepsTheNewestTwoOfTheMembersOwn() throws Exception {
        LabCluster.Outcome scheduled = schedule(Optional.of(copy));
        assertThat(scheduled.result().succeeded()).as(scheduled.log()).isTrue();
        LabHost host = lab.host(0);
        assertThat(host.exec("stat -c %a " + BackupFiles.ENV_FILE).stdout().strip()).isEqualTo("600");
        Path foreign = Files.writeString(dir.resolve("notes.txt"), "someone else's object");
        try (S3OffsiteStore store = store(memberDir())) {
            store.upload(foreign, "notes.txt", BackupMetadata.none());
        }

        List<String> namesAfterTwo = List.of();
        for (int run = 1; run <= 3; run++) {
            LabCluster.Outcome ran = runNow();
            assertThat(ran.result().succeeded()).as(ran.log()).isTrue();
            if (run == 2) {
                try (S3OffsiteStore store = store(memberDir())) {
                    namesAfterTwo = store.list().stream().map(OffsiteBackup::name).filter(n -> n.endsWith(".db")).sorted().toList();
                }
            }
        }

        BackupEntry newest = local().newest().orElseThrow();
        try (S3OffsiteStore store = store(memberDir())) {
            List<OffsiteBackup> objects = store.list();
            List<String> ours = objects.stream().map(OffsiteBackup::name).filter(n -> n.endsWith(".db")).sorted().toList();
            assertThat(ours).hasSize(2).doesNotContain(namesAfterTwo.get(0)).contains(namesAfterTwo.get(1));
            assertThat(objects).extracting(OffsiteBackup::name).contains("notes.txt");
            String newestName = newest.location().substring(newest.location().lastIndexOf('/') + 1);
            OffsiteBackup object = store.find(newestName).orElseThrow();
            assertThat(object.metadata().sha256()).contains(newest.sha256());
            assertThat(object.metadata().member()).contains(member);
            assertThat(object.metadata().revision()).hasValue(newest.revision());
            assertThat(object.size()).isEqualTo(newest.size());
        }
        assertThat(local().backups()).hasSize(2);

        try (ClusterSession session = cluster.session(cluster.ssh())) {
            List<HostBackups> listed = OffsiteListing.read(session, (location, endpoint, region) -> {
                assertThat(endpoint).isEqualTo(s3.endpoint().toString());
                return store(location);
            });
            assertThat(listed).singleElement().satisfies(group -> {
                assertThat(group.host()).isEqualTo(memberDir().toString());
                assertThat(group.backups()).hasSize(2).allMatch(BackupEntry::verified);
                assertThat(group.newest().orElseThrow().sha256()).isEqualTo(newest.sha256());
                assertThat(group.newest().orElseThrow().location()).startsWith("s3://" + BUCKET + "/lab/" + member + "/");
            });
            int closed = S3ProxyServer.freeLoopbackPort();
            List<HostBackups> unreachable = OffsiteListing.read(session, (location, endpoint, region) ->
                    S3OffsiteStore.open(location, S3Endpoint.parse("http://127.0.0.1:" + closed, region), s3.credentials()));
            assertThat(unreachable).singleElement().satisfies(group -> {
                assertThat(group.unknown()).hasValueSatisfying(why -> assertThat(why).contains("did not answer", "unknown"));
                assertThat(group.backups()).isEmpty();
            });
        }
    }

    @Test
    @Order(3)
    void theUploadedObjectPullsBackByItsS3Location() throws Exception {
        BackupEntry newest = local().newest().orElseThrow();
        String location = memberDir() + newest.location().substring(newest.location().lastIndexOf('/') + 1);
        Path into = dir.resolve("pulled");

        LabCluster.Outcome pulled = cluster.run(session -> BackupPulls.plan(session,
                new PullRequest(BackupLocation.parse(location), into), OffsiteCopyLabTest::store));

        assertThat(pulled.result().succeeded()).as(pulled.log()).isTrue();
        Path file = into.resolve(location.substring(location.lastIndexOf('/') + 1));
        assertThat(Sha256.of(file)).isEqualTo(newest.sha256());
    }

    @Test
    @Order(4)
    void aKeyTheStoreRefusesFailsTheRunWithItsReasonAndKeepsTheLocalBackup() {
        LabHost host = lab.host(0);
        host.exec("sed -i \"s/^AWS_SECRET_ACCESS_KEY=.*/AWS_SECRET_ACCESS_KEY='rotated-elsewhere'/\" " + BackupFiles.ENV_FILE)
                .requireOk("change the key on the host");
        BackupEntry before = local().newest().orElseThrow();

        LabCluster.Outcome ran = runNow();

        assertThat(ran.result().succeeded()).isFalse();
        assertThat(ran.firstFailure()).contains("upload of", "SignatureDoesNotMatch", "the local backup is kept")
                .doesNotContain("rotated-elsewhere");
        BackupEntry after = local().newest().orElseThrow();
        assertThat(after.location()).isNotEqualTo(before.location());
        assertThat(after.verified()).isTrue();
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            assertThat(BackupOverview.read(session).health().status()).isEqualTo(BackupStatus.FAILED);
        }
    }

    @Test
    @Order(5)
    void aScheduleWithoutCopyToTakesTheKeyOffTheHostAndNoLogOrRunHistoryEverHeldIt() throws Exception {
        LabCluster.Outcome rescheduled = schedule(Optional.empty());
        assertThat(rescheduled.result().succeeded()).as(rescheduled.log()).isTrue();
        LabHost host = lab.host(0);

        String secret = s3.secret();
        assertThat(host.exec("grep -rlF -e " + secret + " -e rotated-elsewhere /etc /var/backups /var/log /run 2>/dev/null")
                .stdout()).isEmpty();
        assertThat(host.exec("journalctl -u " + BackupFiles.SERVICE + " --no-pager -o cat 2>&1").stdout())
                .contains("quorum-backup: saved").doesNotContain(secret);
        assertThat(rescheduled.log() + schedule(Optional.of(copy)).log()).doesNotContain(secret);
        try (Stream<Path> files = Files.walk(cluster.home.root())) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).filteredOn(f -> f.toString().endsWith(".jsonl")).hasSizeGreaterThanOrEqualTo(8);
            for (Path file : all) {
                assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(secret);
            }
        }
    }

    @Test
    @Order(6)
    void theOffsiteObjectRestoresTheClusterAfterQuorumIsLost() throws Exception {
        LabCluster.Outcome scheduled = schedule(Optional.of(copy)); // the key back on the host, as after test 5
        assertThat(scheduled.result().succeeded()).as(scheduled.log()).isTrue();
        try (KeyValues kv = keyValues()) {
            kv.put("in-backup/", 5, 64);
        }
        LabCluster.Outcome ran = runNow();
        assertThat(ran.result().succeeded()).as(ran.log()).isTrue();
        BackupEntry newest = local().newest().orElseThrow();
        String location = memberDir() + newest.location().substring(newest.location().lastIndexOf('/') + 1);
        try (KeyValues kv = keyValues()) {
            kv.put("after-backup/", 5, 64);
        }
        lab.host(0).exec("systemctl stop etcd; systemctl disable etcd").requireOk("stop the only member");

        Path into = dir.resolve("restore-from-s3");
        LabCluster.Outcome pulled = cluster.run(session -> BackupPulls.plan(session,
                new PullRequest(BackupLocation.parse(location), into), OffsiteCopyLabTest::store));
        assertThat(pulled.result().succeeded()).as(pulled.log()).isTrue();
        Path file = into.resolve(location.substring(location.lastIndexOf('/') + 1));
        LabCluster.Outcome restored = cluster.run(session -> RestorePlan.build(session,
                RestoreRequest.fromSnapshot(file, false), Duration.ofSeconds(60)));

        assertThat(restored.result().succeeded()).as(restored.log()).isTrue();
        try (KeyValues kv = keyValues()) {
            assertThat(kv.read("in-backup/")).hasSize(5);
            assertThat(kv.read("after-backup/")).as("written after the backup, so not in it").isEmpty();
        }
    }

    static KeyValues keyValues() throws Exception {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return new KeyValues(session.inventory().etcdMembers().stream().map(m -> m.clientUrl()).toList(),
                    session.pki().clientTls());
        }
    }
}
