package dev.quorum.core.lifecycle.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.lifecycle.backup.offsite.BackupMetadata;
import dev.quorum.core.lifecycle.backup.offsite.OffsiteBackup;
import dev.quorum.core.lifecycle.backup.offsite.S3Location;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Which off-site objects count as verified copies, from their name and metadata alone. */
class OffsiteListingTest {
    private static final String WHERE = "s3://bkt/p/etcd1/";
    private static final String SHA = "a".repeat(64);

    private static OffsiteBackup object(String name, BackupMetadata metadata) {
        return new OffsiteBackup(S3Location.parse(WHERE), "p/etcd1/" + name, 42, Instant.parse("2026-12-04T10:00:00Z"), metadata);
    }

    @Test
    void aCopyNamedAndTaggedByTheHostsJobWithItsSha256IsVerifiedAndTimedByItsName() {
        BackupEntry entry = OffsiteListing.entry(WHERE, "etcd1", object("quorum-backup-etcd1-20261203T101500Z.db",
                new BackupMetadata(Optional.of(SHA), OptionalLong.of(77), Optional.of("etcd1"))));

        assertThat(entry.verified()).isTrue();
        assertThat(entry.location()).isEqualTo(WHERE + "quorum-backup-etcd1-20261203T101500Z.db");
        assertThat(entry.time()).contains(Instant.parse("2026-12-03T10:15:00Z"));
        assertThat(entry.revision()).isEqualTo(77);
        assertThat(entry.sha256()).isEqualTo(SHA);
    }

    @Test
    void anythingElseIsListedUnverifiedWithWhy() {
        assertThat(OffsiteListing.entry(WHERE, "etcd1", object("quorum-backup-etcd1-20261203T101500Z.db",
                BackupMetadata.none())).problem()).contains("the object carries no x-amz-meta-sha256");
        assertThat(OffsiteListing.entry(WHERE, "etcd1", object("byhand.db",
                BackupMetadata.none().withSha256(SHA))).problem()).contains("not named as quorum-backup names its copies");
        assertThat(OffsiteListing.entry(WHERE, "etcd1", object("quorum-backup-etcd1-20261203T101500Z.db",
                new BackupMetadata(Optional.of(SHA), OptionalLong.empty(), Optional.of("etcd2")))).verified()).isFalse();
    }

    @Test
    void theHostsSettingsAreReadWithoutTheSecret() {
        assertThat(OffsiteListing.command()).doesNotContain("AWS_SECRET").contains("QUORUM_BACKUP_S3_");
        assertThat(OffsiteListing.settings("BUCKET=b\nPREFIX=p/q\nENDPOINT=http://h:1\n"))
                .containsEntry("BUCKET", "b").containsEntry("PREFIX", "p/q").containsEntry("ENDPOINT", "http://h:1");
    }

    @Test
    void anOffsiteCopysEndpointIsTheOneOfTheMemberWhoseFolderHoldsIt() {
        var etcd1 = new dev.quorum.core.inventory.EtcdMember(new dev.quorum.core.inventory.InventoryHost("lab1", "10.0.0.1",
                new dev.quorum.core.remote.SshTarget("10.0.0.1", 22, "root", Optional.empty()), java.util.Map.of()), "etcd1");
        var settings = OffsiteListing.settings("BUCKET=bkt\nPREFIX=p\nENDPOINT=http://10.0.0.9:9000\nREGION=us-east-1\n");

        assertThat(OffsiteListing.endpointOf(etcd1, settings, WHERE + "quorum-backup-etcd1-20261203T101500Z.db"))
                .contains("http://10.0.0.9:9000");
        assertThat(OffsiteListing.endpointOf(etcd1, settings, "s3://bkt/p/etcd2/quorum-backup-etcd2-20261203T101500Z.db"))
                .as("another member's folder").isEmpty();
        assertThat(OffsiteListing.endpointOf(etcd1, settings, "s3://other/p/etcd1/x.db")).isEmpty();
        assertThat(OffsiteListing.endpointOf(etcd1, settings, WHERE + "deeper/x.db")).isEmpty();
        assertThat(OffsiteListing.endpointOf(etcd1, OffsiteListing.settings(""), WHERE + "x.db"))
                .as("a member without --copy-to").isEmpty();
    }
}
