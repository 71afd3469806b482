package dev.quorum.core.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.ExecResult;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real members' versions and the cluster version from /version: a 3.5 cluster, then one member's
 * binary swapped for 3.6's by hand (a rolling upgrade half-way: mixed versions, the cluster still
 * speaking 3.5), then all of them (the cluster version rises to 3.6 once the leader sees every member on it).
 */
@LabHosts(count = 3)
class ClusterVersionsLabTest {
    static Lab lab;

    @Test
    void membersVersionsTheClusterVersionAndMixedVersionsAsARollingUpgradeGoes(@TempDir Path dir) throws Exception {
        EtcdTarball old = EtcdTarball.require("3.5");
        EtcdTarball next = EtcdTarball.require("3.6");
        LabCluster cluster = new LabCluster(lab, dir, Map.of("etcd_version", old.version(),
                "etcd_download_url", old.uri().toString(), "etcd_binary_checksum", old.sha256()));
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
        Path nextBinary = unpackEtcd(next, dir.resolve("next"));
        EtcdVersion oldVersion = EtcdVersion.parse(old.version());
        EtcdVersion nextVersion = EtcdVersion.parse(next.version());

        try (ClusterSession session = cluster.session(cluster.ssh())) {
            ClusterStatus before = probe(session);
            assertThat(before.memberVersions()).containsExactly(oldVersion);
            assertThat(before.clusterVersion()).contains(new EtcdVersion(3, 5, 0));
            assertThat(before.mixedVersions()).isFalse();

            swapBinary(lab.host(2), nextBinary);
            ClusterStatus mixed = until(session, s -> s.healthy() && s.memberVersions().contains(nextVersion));
            assertThat(mixed.mixedVersions()).isTrue();
            assertThat(mixed.members().get(2).version()).contains(nextVersion);
            assertThat(mixed.members().get(0).version()).contains(oldVersion);
            assertThat(mixed.clusterVersion()).as("the cluster speaks its lowest member's line")
                    .contains(new EtcdVersion(3, 5, 0));
            assertThat(mixed.versionSentence()).isEqualTo("mixed versions: " + oldVersion + " (etcd1, etcd2), "
                    + nextVersion + " (etcd3); cluster version 3.5");

            swapBinary(lab.host(0), nextBinary);
            swapBinary(lab.host(1), nextBinary);
            ClusterStatus upgraded = until(session, s -> s.healthy() && !s.mixedVersions()
                    && s.clusterVersion().filter(v -> v.sameLine(nextVersion)).isPresent());
            assertThat(upgraded.memberVersions()).containsExactly(nextVersion);
            assertThat(upgraded.versionSentence()).isEqualTo("etcd " + nextVersion + ", cluster version 3.6");
        }
    }

    private static ClusterStatus probe(ClusterSession session) {
        return ClusterProbe.probe(session.sharedEtcd(), session.inventory().etcdMembers(), Duration.ofSeconds(3));
    }

    /** The cluster changes on its own after a restart (election, version decision): read until it shows the state. */
    private static ClusterStatus until(ClusterSession session, Predicate<ClusterStatus> shows) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        ClusterStatus status = probe(session);
        while (!shows.test(status) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            status = probe(session);
        }
        assertThat(shows.test(status)).as("the cluster reached the state; last read: " + status.sentence() + "; "
                + status.versionSentence()).isTrue();
        return status;
    }

    /** What an operator does by hand: stop, put the new binary in place, start. */
    private static void swapBinary(LabHost host, Path binary) {
        assertThat(host.exec("systemctl stop etcd").exitCode()).isZero();
        host.copyIn(binary, "/usr/local/bin/etcd", "0755");
        ExecResult started = host.exec("systemctl start etcd");
        assertThat(started.exitCode()).as(started.toString()).isZero();
    }

    private static Path unpackEtcd(EtcdTarball tarball, Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir);
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.path().toString(), "-C", dir.toString(),
                tarball.topDirectory() + "/etcd").inheritIO().start();
        assertThat(tar.waitFor()).isZero();
        return dir.resolve(tarball.topDirectory()).resolve("etcd");
    }
}
