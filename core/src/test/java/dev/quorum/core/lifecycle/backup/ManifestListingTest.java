package dev.quorum.core.lifecycle.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestListingTest {
    private static final String SHA = "a".repeat(64);
    private static final String GOOD = "{\"format\":1,\"file\":\"quorum-backup-etcd1-20261203T230000Z.db\","
            + "\"time\":\"2026-12-03T23:00:01Z\",\"revision\":42,\"size\":20512,\"sha256\":\"" + SHA + "\","
            + "\"verified\":true,\"member\":\"etcd1\",\"etcd_version\":\"3.6.14\"}";

    private static String listing(String... files) {
        return "@@dir /var/backups/quorum-etcd\n" + String.join("", files);
    }

    private static String file(long size, String name, String manifest) {
        return ManifestListing.MARK + size + " /var/backups/quorum-etcd/" + name + "\n" + manifest + "\n\n";
    }

    @Test
    void aCompleteManifestThatMatchesItsFileIsAVerifiedBackup() {
        List<BackupEntry> entries = ManifestListing.parse("node1",
                listing(file(20512, "quorum-backup-etcd1-20261203T230000Z.db", GOOD)));

        assertThat(entries).containsExactly(new BackupEntry("node1",
                "node1:/var/backups/quorum-etcd/quorum-backup-etcd1-20261203T230000Z.db",
                Optional.of(Instant.parse("2026-12-03T23:00:01Z")), 42, 20512, SHA, true, Optional.empty()));
    }

    @Test
    void aTruncatedManifestIsListedButNotVerified() {
        BackupEntry entry = ManifestListing.parse("node1",
                listing(file(20512, "b.db", GOOD.substring(0, 60)))).get(0);

        assertThat(entry.verified()).isFalse();
        assertThat(entry.problem()).contains("manifest unreadable (truncated?)");
    }

    @Test
    void aSnapshotWithoutManifestIsListedButNotVerified() {
        List<BackupEntry> entries = ManifestListing.parse("node1", listing(file(100, "a.db", ""),
                file(20512, "b.db", GOOD)));

        assertThat(entries).extracting(BackupEntry::verified).containsExactly(false, true);
        assertThat(entries.get(0).problem()).contains("no manifest: the run that wrote it did not finish");
    }

    @Test
    void aFileWhoseSizeDiffersFromItsManifestIsNotVerified() {
        BackupEntry entry = ManifestListing.parse("node1", listing(file(10, "b.db", GOOD))).get(0);

        assertThat(entry.verified()).isFalse();
        assertThat(entry.problem()).contains("file is 10 bytes, its manifest says 20512");
    }

    @Test
    void anEmptyDirectoryHasNoBackups() {
        assertThat(ManifestListing.parse("node1", listing())).isEmpty();
    }
}
