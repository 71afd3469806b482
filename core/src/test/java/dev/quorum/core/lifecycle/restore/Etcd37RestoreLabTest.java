package dev.quorum.core.lifecycle.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.ClusterSnapshots;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.etcd.InitialCheckDropIn;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.labtest.KeyValues;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.core.snapshot.SnapshotIntegrity;
import dev.quorum.core.snapshot.SnapshotVerifier;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** etcd 3.7 (no --experimental-* flags at all): installed, snapshotted, quorum lost, restored through etcdutl. */
@LabHosts(count = 3)
class Etcd37RestoreLabTest {
    private static final int KEYS = 80;
    static Lab lab;
    @TempDir
    static Path dir;

    @Test
    void a37ClusterIsRestoredFromItsOwnSnapshotWithEtcdutl() throws Exception {
        EtcdTarball release = EtcdTarball.require("3.7");
        LabCluster cluster = new LabCluster(lab, dir, Map.of(), 3, release);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log() + installed.firstFailure()).isTrue();
        assertThat(lab.host(0).readFile("/etc/etcd.env")).contains("ETCD_FEATURE_GATES=")
                .doesNotContain("EXPERIMENTAL").doesNotContain("ETCD_ENABLE_V2");
        try (KeyValues kv = keyValues(cluster)) {
            kv.put("kept/", KEYS, 64);
        }
        SnapshotInfo snapshot;
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            snapshot = ClusterSnapshots.save(session, "3.7 before the disaster", Optional.empty());
        }
        assertThat(snapshot.etcdVersion()).startsWith("3.7.");
        assertThat(SnapshotVerifier.verify(snapshot.file()).state()).isEqualTo(SnapshotIntegrity.State.INTACT);
        for (LabHost lost : List.of(lab.host(1), lab.host(2))) {
            lost.exec("systemctl stop etcd").requireOk("stop etcd on " + lost.name());
        }

        LabCluster.Outcome restored = cluster.run(session -> RestorePlan.build(session,
                RestoreRequest.fromSnapshot(snapshot.file(), false), Duration.ofSeconds(60)));

        assertThat(restored.result().succeeded()).as(restored.log() + restored.firstFailure()).isTrue();
        assertThat(restored.messages("Check that quorum is lost and every new member's host answers"))
                .as("a restore where starting the members would keep every write says so").singleElement().asString()
                .contains("Note: etcd is only stopped on lab2, lab3, its data intact: unless that is on purpose, "
                        + "quorum recover brings quorum back with every write");
        assertThat(restored.events()).filteredOn(e -> e instanceof RunEvent.StepStarted)
                .extracting(e -> ((RunEvent.StepStarted) e).title())
                .contains("Restore the snapshot into each member's data dir (etcdutl snapshot restore)");
        try (KeyValues kv = keyValues(cluster)) {
            assertThat(kv.read("kept/")).hasSize(KEYS);
        }
        for (LabHost host : lab.hosts()) {
            assertThat(host.exec("ls -d /var/lib/etcd.before-restore-*").stdout()).as(host.name() + "'s old data kept")
                    .contains("/var/lib/etcd.before-restore-");
            assertThat(host.exec("ls -A " + InitialCheckDropIn.directory(ClusterLayout.MAIN) + " 2>/dev/null").stdout())
                    .as(host.name() + ": the first start's drop-in removed").doesNotContain(InitialCheckDropIn.NAME);
            assertThat(host.readFile("/etc/etcd.env")).contains("ETCD_FEATURE_GATES=InitialCorruptCheck=true,");
        }
    }

    private static KeyValues keyValues(LabCluster cluster) throws Exception {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return new KeyValues(session.inventory().etcdMembers().stream().map(m -> m.clientUrl()).toList(),
                    session.pki().clientTls());
        }
    }
}
