package dev.quorum.core.lifecycle.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script's own logic (naming, manifest, retention, failure words) with a stand-in etcdctl that writes a
 * file: what it does to the directory, not etcd's part (BackupLabTest runs it against real members).
 */
class BackupScriptTest {
    @TempDir
    Path dir;
    private Path backups;
    private Path env;
    private Path script;

    @BeforeEach
    void setUp() throws IOException {
        backups = dir.resolve("backups");
        script = Files.writeString(dir.resolve("quorum-backup"), BackupFiles.script());
        Path etcdctl = Files.writeString(dir.resolve("etcdctl"), String.join("\n", "#!/bin/sh",
                "case \"$*\" in",
                "  *'snapshot save'*) [ -e " + dir.resolve("etcd-down") + " ] && { echo 'context deadline exceeded' >&2; exit 1; }",
                "     for a; do f=$a; done; echo \"snapshot $(date +%s%N)\" > \"$f\" ;;",
                "  *'snapshot status'*) echo '{\"hash\":1,\"revision\":7,\"totalKey\":3,\"totalSize\":20480}' ;;",
                "  version) echo 'etcdctl version: 3.4.23' ;;",
                "esac", ""));
        Files.setPosixFilePermissions(etcdctl, PosixFilePermissions.fromString("rwx------"));
        env = Files.writeString(dir.resolve("quorum-backup.env"), String.join("\n",
                "QUORUM_BACKUP_DIR='" + backups + "'", "QUORUM_BACKUP_KEEP='2'", "QUORUM_BACKUP_MEMBER='etcd1'",
                "QUORUM_BACKUP_ENDPOINT='https://127.0.0.1:2379'", "QUORUM_BACKUP_CACERT='/x/ca.pem'",
                "QUORUM_BACKUP_CERT='/x/admin.pem'", "QUORUM_BACKUP_KEY='/x/admin-key.pem'",
                "QUORUM_BACKUP_ETCDCTL='" + etcdctl + "'", "QUORUM_BACKUP_ETCDUTL='" + dir.resolve("no-etcdutl") + "'", ""));
    }

    private Ran run() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", script.toString());
        builder.environment().put("QUORUM_BACKUP_ENV", env.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Ran(process.waitFor(), out, err);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(backups)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void keepsTheNewestOfItsOwnAndNeverTouchesAnythingElse() throws Exception {
        Files.createDirectories(backups);
        List<String> others = List.of("quorum-backup-etcd10-20200101T000000Z.db", "quorum-backup-etcd1-b-20200101T000000Z.db",
                "etcd-20200101.db", "notes.txt");
        for (String other : others) {
            Files.writeString(backups.resolve(other), "not ours");
        }
        for (int i = 0; i < 3; i++) {
            Ran result = run();
            assertThat(result.exit()).as(result.err()).isZero();
            assertThat(result.out()).startsWith("quorum-backup: saved ");
        }

        List<String> ours = files().stream().filter(n -> n.matches("quorum-backup-etcd1-\\d{8}T\\d{6}Z\\.(db|json)")).toList();
        assertThat(ours).hasSize(4);
        assertThat(files()).containsAll(others).hasSize(others.size() + 4);
        String manifest = Files.readString(backups.resolve(ours.get(1)));
        assertThat(ManifestListing.entry("h", backups.resolve(ours.get(0)).toString(),
                Files.size(backups.resolve(ours.get(0))), manifest).verified()).isTrue();
        assertThat(manifest).contains("\"revision\":7", "\"verified\":true", "\"member\":\"etcd1\"",
                "\"etcd_version\":\"3.4.23\"");
    }

    @Test
    void aFailedSnapshotEndsWithOneLineOfReasonAndLeavesNothing() throws Exception {
        Files.writeString(dir.resolve("etcd-down"), "");

        Ran result = run();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("quorum-backup: etcdctl snapshot save failed: context deadline exceeded");
        assertThat(files()).isEmpty();
    }

    @Test
    void anOffsiteStoreThatDoesNotAnswerFailsTheRunWithOneLineAndKeepsTheLocalBackup() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Files.writeString(env, String.join("\n", "QUORUM_BACKUP_S3_ENDPOINT='http://127.0.0.1:" + closed + "'",
                "QUORUM_BACKUP_S3_BUCKET='bkt'", "QUORUM_BACKUP_S3_PREFIX='p'", "QUORUM_BACKUP_S3_REGION='us-east-1'",
                "AWS_ACCESS_KEY_ID='kid'", "AWS_SECRET_ACCESS_KEY='never-shown'", ""), StandardOpenOption.APPEND);

        Ran result = run();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).startsWith("quorum-backup: saved ");
        assertThat(result.err().strip()).startsWith("quorum-backup: upload of quorum-backup-etcd1-")
                .contains(" to s3://bkt/p/etcd1/ failed (the local backup is kept): curl: (7)").doesNotContain("\n")
                .doesNotContain("never-shown");
        assertThat(files()).hasSize(2).allMatch(n -> n.matches("quorum-backup-etcd1-\\d{8}T\\d{6}Z\\.(db|json)"));
    }

    private record Ran(int exit, String out, String err) {
    }
}
