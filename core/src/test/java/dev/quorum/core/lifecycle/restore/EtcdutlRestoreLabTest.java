package dev.quorum.core.lifecycle.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.ClusterSnapshots;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.labtest.KeyValues;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.core.snapshot.SnapshotIntegrity;
import dev.quorum.core.snapshot.SnapshotVerifier;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restore on etcd 3.6, whose etcdctl has no {@code snapshot restore}: etcdutl is installed with the other
 * binaries, a 3.6 snapshot verifies, a host without etcdutl (and a release that cannot bring it) is refused by
 * the preflight with nothing stopped, and the restore then runs through etcdutl. One cluster, in order.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EtcdutlRestoreLabTest {
    private static final int KEYS = 120;
    static Lab lab;
    @TempDir
    static Path dir;
    static EtcdTarball release;
    static LabCluster cluster;
    static SnapshotInfo snapshot;

    @BeforeAll
    static void installA36ClusterWithKeys() throws Exception {
        release = EtcdTarball.require("3.6");
        cluster = new LabCluster(lab, dir, Map.of(), 3, release);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log() + installed.firstFailure()).isTrue();
        try (KeyValues kv = keyValues()) {
            kv.put("before/", KEYS, 64);
        }
    }

    private static KeyValues keyValues() throws Exception {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return new KeyValues(session.inventory().etcdMembers().stream().map(m -> m.clientUrl()).toList(),
                    session.pki().clientTls());
        }
    }

    private static List<String> activeEtcd() {
        return lab.hosts().stream().filter(h -> h.exec("systemctl is-active etcd").stdout().strip().equals("active"))
                .map(LabHost::name).toList();
    }

    private static LabCluster.Outcome restore() {
        return restore(RestoreRequest.fromSnapshot(snapshot.file(), false));
    }

    private static LabCluster.Outcome restore(RestoreRequest request) {
        return cluster.run(session -> RestorePlan.build(session, request, Duration.ofSeconds(60)));
    }

    @Test
    @Order(1)
    void installPutsEtcdutlBesideEtcdAndWritesThe36EnvFile() {
        for (LabHost host : lab.hosts()) {
            assertThat(host.exec("/usr/local/bin/etcdutl version").stdout()).as(host.name())
                    .contains("etcdutl version: " + release.version().replaceFirst("^v", ""));
            String env = host.readFile("/etc/etcd.env");
            assertThat(env).as(host.name()).contains("ETCD_FEATURE_GATES=InitialCorruptCheck=true,CompactHashCheck=true")
                    .doesNotContain("ETCD_ENABLE_V2").doesNotContain("ETCD_PROXY").doesNotContain("EXPERIMENTAL");
        }
    }

    @Test
    @Order(2)
    void aSnapshotOf36VerifiesAndADamagedCopyDoesNot() throws Exception {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            snapshot = ClusterSnapshots.save(session, "before the disaster", Optional.empty());
        }
        Path damaged = dir.resolve("damaged.db");
        byte[] content = Files.readAllBytes(snapshot.file());
        content[content.length / 3] ^= 0x10;
        Files.write(damaged, content);

        assertThat(snapshot.etcdVersion()).startsWith("3.6.");
        assertThat(SnapshotVerifier.verify(snapshot.file()).state()).isEqualTo(SnapshotIntegrity.State.INTACT);
        assertThat(SnapshotVerifier.verify(damaged).state()).isNotEqualTo(SnapshotIntegrity.State.INTACT);
    }

    @Test
    @Order(3)
    void aHostWithoutEtcdutlIsRefusedBeforeAnythingIsStopped() throws Exception {
        Path without = withoutEtcdutl();
        cluster.editInventory(release.uri().toString(), without.toUri().toString());
        cluster.editInventory(release.sha256(), sha256(without));
        LabHost lab2 = lab.host(1);
        lab2.exec("mv /usr/local/bin/etcdutl /root/etcdutl.aside").requireOk("take etcdutl away");
        for (LabHost lost : List.of(lab.host(1), lab.host(2))) {
            lost.exec("systemctl stop etcd").requireOk("stop etcd on " + lost.name());
        }

        LabCluster.Outcome refused = restore();

        assertThat(refused.result().outcome()).as(refused.log()).isEqualTo(RunOutcome.FAILED);
        assertThat(refused.result().failures()).extracting(f -> f.target()).containsExactly("lab2");
        assertThat(refused.firstFailure()).contains("lab2 has no working /usr/local/bin/etcdutl")
                .contains("etcdutl snapshot restore").contains("nothing was stopped yet");
        assertThat(activeEtcd()).containsExactly("lab1");
        for (LabHost host : lab.hosts()) {
            assertThat(host.fileExists("/var/lib/etcd/member/wal")).as(host.name() + "'s data in place").isTrue();
            assertThat(host.exec("ls -d /var/lib/etcd.before-restore-* 2>/dev/null").stdout()).as(host.name())
                    .isEmpty();
        }
    }

    @Test
    @Order(4)
    void withTheFullReleaseEtcdutlIsInstalledAgainAndRestoresEveryKey() throws Exception {
        cluster.editInventory(withoutEtcdutlPath().toUri().toString(), release.uri().toString());
        cluster.editInventory(sha256(withoutEtcdutlPath()), release.sha256());

        LabCluster.Outcome restored = restore(RestoreRequest.fromSnapshot(snapshot.file(), false).keepingRevisions(true));

        assertThat(restored.result().succeeded()).as(restored.log() + restored.firstFailure()).isTrue();
        assertThat(restored.log()).as("--keep-revisions (decision 0079): counted at the snapshot's own revision, "
                        + "no warning as it was asked for")
                .contains("revisions kept as the snapshot has them (--keep-revisions)",
                        KEYS + " keys at revision " + snapshot.revision() + ", as recorded at save time")
                .doesNotContain("revisions raised by", "restart kube-apiserver");
        assertThat(restored.events()).filteredOn(e -> e instanceof RunEvent.StepStarted)
                .extracting(e -> ((RunEvent.StepStarted) e).title())
                .contains("Restore the snapshot into each member's data dir (etcdutl snapshot restore)");
        assertThat(lab.host(1).fileExists("/usr/local/bin/etcdutl")).isTrue();
        assertThat(activeEtcd()).containsExactly("lab1", "lab2", "lab3");
        try (KeyValues kv = keyValues()) {
            assertThat(kv.read("before/")).hasSize(KEYS);
        }
    }

    private static Path withoutEtcdutlPath() {
        return dir.resolve("etcd-" + release.version() + "-linux-amd64.tar.gz");
    }

    /** The same release repacked without etcdutl, as a mirror might carry only etcd and etcdctl. */
    private static Path withoutEtcdutl() throws Exception {
        Path unpacked = Files.createDirectories(dir.resolve("repack"));
        Path out = withoutEtcdutlPath();
        String top = release.topDirectory();
        Process tar = new ProcessBuilder("sh", "-c", "set -e; tar -xzf \"$1\" -C \"$2\"; rm \"$2/$3/etcdutl\"; "
                + "tar -czf \"$4\" -C \"$2\" \"$3\"", "repack", release.path().toString(), unpacked.toString(), top,
                out.toString()).inheritIO().start();
        assertThat(tar.waitFor()).isZero();
        return out;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
