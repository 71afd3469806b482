package dev.quorum.core.lifecycle.backup.offsite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.lifecycle.backup.BackupFiles;
import dev.quorum.core.release.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hosts' script uploads a backup larger than its part size as a multipart upload (decision 0035): run here with
 * this machine's curl (7.76+, as on the hosts) and a stand-in etcdctl that writes 3.5 MiB, against s3proxy on
 * 127.0.0.1 with 1 MiB parts; the object is then read back with the workstation's client, whose download checks the
 * whole file's sha256 against the metadata the script set.
 */
class MultipartCopyTest {
    private static final String BUCKET = "quorum-multipart";
    private static final long MIB = 1024 * 1024;

    @TempDir
    static Path serverDir;
    private static S3ProxyServer server;

    @TempDir
    Path dir;
    /** Each test's own prefix: backups are named by the second, and two tests may run within one. */
    private final String prefix = "t-" + java.util.UUID.randomUUID();

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start(serverDir);
        server.createBucket(BUCKET);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private Ran run(String partMib, String bucket) throws Exception {
        return run(partMib, bucket, MIB * 11);
    }

    private Ran run(String partMib, String bucket, long bytes) throws Exception {
        Path backups = dir.resolve("backups");
        Path script = Files.writeString(dir.resolve("quorum-backup"), BackupFiles.script());
        Path etcdctl = Files.writeString(dir.resolve("etcdctl"), String.join("\n", "#!/bin/sh",
                "case \"$*\" in",
                "  *'snapshot save'*) for a; do f=$a; done; head -c " + bytes + " /dev/urandom > \"$f\" ;;",
                "  *'snapshot status'*) echo '{\"hash\":1,\"revision\":7,\"totalKey\":3,\"totalSize\":20480}' ;;",
                "  version) echo 'etcdctl version: 3.5.17' ;;",
                "esac", ""));
        Files.setPosixFilePermissions(etcdctl, PosixFilePermissions.fromString("rwx------"));
        Path env = Files.writeString(dir.resolve("quorum-backup.env"), String.join("\n",
                "QUORUM_BACKUP_DIR='" + backups + "'", "QUORUM_BACKUP_KEEP='2'", "QUORUM_BACKUP_MEMBER='etcd1'",
                "QUORUM_BACKUP_ENDPOINT='https://127.0.0.1:2379'", "QUORUM_BACKUP_CACERT='/x/ca.pem'",
                "QUORUM_BACKUP_CERT='/x/admin.pem'", "QUORUM_BACKUP_KEY='/x/admin-key.pem'",
                "QUORUM_BACKUP_ETCDCTL='" + etcdctl + "'", "QUORUM_BACKUP_ETCDUTL=''",
                "QUORUM_BACKUP_S3_ENDPOINT='" + server.endpoint() + "'", "QUORUM_BACKUP_S3_BUCKET='" + bucket + "'",
                "QUORUM_BACKUP_S3_PREFIX='" + prefix + "'", "QUORUM_BACKUP_S3_REGION='us-east-1'",
                "QUORUM_BACKUP_S3_PART_MIB='" + partMib + "'",
                "AWS_ACCESS_KEY_ID='" + S3ProxyServer.ACCESS_KEY + "'", "AWS_SECRET_ACCESS_KEY='" + server.secret() + "'",
                ""));
        ProcessBuilder builder = new ProcessBuilder("sh", script.toString());
        builder.environment().put("QUORUM_BACKUP_ENV", env.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(backups)) {
            return new Ran(process.waitFor(), out, err, files.filter(p -> p.toString().endsWith(".db")).toList(),
                    files(backups));
        }
    }

    private static List<String> files(Path backups) throws IOException {
        try (Stream<Path> list = Files.list(backups)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    record Ran(int exit, String out, String err, List<Path> backups, List<String> files) {
    }

    private static S3OffsiteStore store(String location) {
        return S3OffsiteStore.open(S3Location.parse(location),
                S3Endpoint.parse(server.endpoint().toString(), S3Endpoint.DEFAULT_REGION), server.credentials());
    }

    @Test
    void aBackupLargerThanThePartSizeGoesUpInPartsAndComesBackWithTheSameSha256() throws Exception {
        Ran ran = run("5", BUCKET);

        assertThat(ran.exit()).as(ran.out() + ran.err()).isZero();
        assertThat(ran.backups()).hasSize(1);
        Path local = ran.backups().get(0);
        assertThat(ran.out()).contains("copied " + local.getFileName() + " to s3://" + BUCKET + "/" + prefix + "/etcd1/ in 3 parts "
                + "of 5 MiB");
        assertThat(ran.files()).as("no scratch part is left beside the backup")
                .allMatch(n -> !n.contains("partial"));
        try (S3OffsiteStore store = store("s3://" + BUCKET + "/" + prefix + "/etcd1")) {
            OffsiteBackup object = store.find(local.getFileName().toString()).orElseThrow();
            assertThat(object.size()).isEqualTo(Files.size(local)).isEqualTo(11 * MIB);
            assertThat(object.metadata().sha256()).contains(Sha256.of(local));
            assertThat(object.metadata().member()).contains("etcd1");
            DownloadedBackup back = store.download(object, dir.resolve("back.db"));
            assertThat(back.verified()).isTrue();
            assertThat(Sha256.of(back.file())).isEqualTo(Sha256.of(local));
        }
    }

    @Test
    void aBackupWithinThePartSizeIsStillOnePut() throws Exception {
        Ran ran = run("12", BUCKET);

        assertThat(ran.exit()).as(ran.out() + ran.err()).isZero();
        Path local = ran.backups().get(0);
        assertThat(ran.out()).contains("copied " + local.getFileName() + " to s3://" + BUCKET + "/" + prefix + "/etcd1/\n");
        try (S3OffsiteStore store = store("s3://" + BUCKET + "/" + prefix + "/etcd1")) {
            OffsiteBackup object = store.find(local.getFileName().toString()).orElseThrow();
            assertThat(object.metadata().sha256()).contains(Sha256.of(local));
        }
    }

    @Test
    void aRefusedStartFailsTheRunWithTheStoresReasonAndKeepsTheLocalBackup() throws Exception {
        Ran ran = run("1", "no-such-bucket");

        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.err()).contains("upload of quorum-backup-etcd1-").contains("failed at its start (the local "
                + "backup is kept): the store answered NoSuchBucket");
        assertThat(ran.backups()).hasSize(1);
        assertThat(ran.files()).allMatch(n -> !n.contains("partial"));
    }

    @Test
    void aPartSizeOutsideS3sLimitsIsRefused() throws Exception {
        Ran ran = run("6000", BUCKET);

        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.err()).contains("QUORUM_BACKUP_S3_PART_MIB is 6000: give 1 to 5120 MiB");
    }

    /** S3 (and s3proxy) refuse parts under 5 MiB when the upload is completed: the upload is aborted, no object. */
    @Test
    void aRefusedCompletionAbortsTheUploadAndLeavesNoObject() throws Exception {
        Ran ran = run("1", BUCKET, 3 * MIB + 512 * 1024);

        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.err()).contains("failed (the local backup is kept): completing: the store answered EntityTooSmall")
                .doesNotContain("could not abort");
        assertThat(ran.backups()).hasSize(1);
        assertThat(ran.files()).allMatch(n -> !n.contains("partial"));
        try (S3OffsiteStore store = store("s3://" + BUCKET + "/" + prefix + "/etcd1")) {
            assertThat(store.find(ran.backups().get(0).getFileName().toString())).isEmpty();
        }
    }
}
