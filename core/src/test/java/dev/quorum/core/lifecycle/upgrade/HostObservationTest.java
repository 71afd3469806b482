package dev.quorum.core.lifecycle.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.release.EtcdVersion;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the guard's SSH script prints, read back: etcdutl's words as etcd 3.5.33 prints them. */
class HostObservationTest {
    private static final String UTL = "etcdutl version: 3.5.33\n";

    @Test
    void readsEtcdutlsV2Verdicts() {
        assertThat(HostObservation.v2Store(UTL + "No custom content found in both v2store and WAL records.\nv2rc 0"))
                .isEqualTo(V2Store.CLEAN);
        assertThat(HostObservation.v2Store(UTL + "Error: detected custom v2 content in WAL records\nv2rc 1"))
                .isEqualTo(V2Store.WAL_ONLY);
        assertThat(HostObservation.v2Store(UTL + "Error: detected custom content in v2store\nv2rc 1"))
                .isEqualTo(V2Store.V2_DATA);
        assertThat(HostObservation.v2Store("")).isEqualTo(V2Store.UNKNOWN);
    }

    @Test
    void anEtcdutlOlderThan3532CannotSeeTheWal() {
        assertThat(HostObservation.v2Store("etcdutl version: 3.5.30\nNo custom content found in both v2store and WAL "
                + "records.\nv2rc 0")).isEqualTo(V2Store.UNKNOWN);
    }

    @Test
    void readsFreeSpaceAndTheNewestKeptReleaseBelowTheRunningOne() {
        HostObservation host = HostObservation.parse("free 900000\nfree 500000\ndatafree 700000\n"
                + "kept /var/backups/quorum/etcd-v3.4.23/\nkept /var/backups/quorum/etcd-v3.5.33/\n"
                + "kept /var/backups/quorum/etcd-v3.6.14/\n", EtcdVersion.parse("v3.6.14"), false, false);
        assertThat(host.hostFreeKiB().getAsLong()).isEqualTo(500000);
        assertThat(host.dataFreeKiB().getAsLong()).isEqualTo(700000);
        assertThat(host.keptBelow()).contains(EtcdVersion.parse("v3.5.33"));
        assertThat(host.v2Store()).isEqualTo(V2Store.NOT_CHECKED);
        assertThat(host.removedMarks()).as("not asked").isEmpty();
    }

    @Test
    void readsTheMarksGrepFoundAndAFileGrepCouldNotRead() {
        assertThat(HostObservation.removedMarks("removedmark a3fecd97338796d4\nremovedmark 6c09c7cf6feb55cb6\n"
                + "marksrc 0\n")).contains(Set.of("a3fecd97338796d4", "6c09c7cf6feb55cb6"));
        assertThat(HostObservation.removedMarks("marksrc 1\n")).as("no mark").contains(Set.of());
        assertThat(HostObservation.removedMarks("grep: /var/lib/etcd/member/snap/db: No such file or directory\n"
                + "marksrc 2\n")).isEmpty();
        assertThat(HostObservation.removedMarks("")).as("the read did not run").isEmpty();
    }
}
