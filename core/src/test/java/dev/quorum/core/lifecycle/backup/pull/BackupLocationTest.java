package dev.quorum.core.lifecycle.backup.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Locations as backup list prints them, and what is refused before any host or store is asked. */
class BackupLocationTest {

    @Test
    void aHostLocationIsTheHostAndTheAbsolutePath() {
        BackupLocation location = BackupLocation.parse("etcd1:/var/backups/quorum-etcd/quorum-backup-etcd1-20261203T230000Z.db");

        assertThat(location).isEqualTo(new HostBackupLocation("etcd1",
                "/var/backups/quorum-etcd/quorum-backup-etcd1-20261203T230000Z.db"));
        assertThat(location.text()).isEqualTo("etcd1:/var/backups/quorum-etcd/quorum-backup-etcd1-20261203T230000Z.db");
        assertThat(location.fileName()).isEqualTo("quorum-backup-etcd1-20261203T230000Z.db");
    }

    @Test
    void anS3LocationIsABucketAPrefixAndAName() {
        BackupLocation location = BackupLocation.parse("s3://etcd-backups/cluster-a/etcd2/quorum-backup-etcd2-20261203T230000Z.db");

        assertThat(location).isInstanceOf(S3BackupLocation.class);
        S3BackupLocation s3 = (S3BackupLocation) location;
        assertThat(s3.dir().bucket()).isEqualTo("etcd-backups");
        assertThat(s3.dir().prefix()).isEqualTo("cluster-a/etcd2/");
        assertThat(s3.dir().key(s3.name())).isEqualTo("cluster-a/etcd2/quorum-backup-etcd2-20261203T230000Z.db");
        assertThat(location.text()).isEqualTo("s3://etcd-backups/cluster-a/etcd2/quorum-backup-etcd2-20261203T230000Z.db");
        assertThat(BackupLocation.parse("s3://etcd-backups/x.db").text()).isEqualTo("s3://etcd-backups/x.db");
    }

    @ParameterizedTest
    @ValueSource(strings = {"etcd1:/var/backups/a.db", "s3://b/k.db", "10.0.0.5:/x.db"})
    void locationsAreToldFromLocalFiles(String text) {
        assertThat(BackupLocation.looksLikeOne(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"snap.db", "./snap.db", "/home/me/snap.db", "dir/a:b.db", "C:relative.db", "a b:/x.db"})
    void localPathsAreNotLocations(String text) {
        assertThat(BackupLocation.looksLikeOne(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"etcd1:/var/backups/quorum-etcd/../../etc/shadow.db", "etcd1:/var//x.db",
            "etcd1:/etc/shadow", "etcd1:/var/backups/quorum-etcd/", "etcd1:/var/backups/-x", "-oProxy=x:/a.db",
            "etcd1:/var/backups/a\n.db", "s3://bucket", "s3://bucket/", "s3://bucket/dir/", "s3://Bad_Bucket/x.db",
            "s3://bucket/a//x.db", "s3://bucket/../x.db", "s3://bucket/x.json", "nothing", ""})
    void malformedLocationsAreRefusedWithWhereToFindValidOnes(String text) {
        assertThatThrownBy(() -> BackupLocation.parse(text)).isInstanceOf(BackupLocationException.class)
                .hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(((BackupLocationException) e).hint()).contains("quorum backup list"));
    }
}
