package dev.quorum.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.ClusterSnapshots;
import dev.quorum.core.labtest.KeyValues;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.restore.RestorePlan;
import dev.quorum.core.lifecycle.restore.RestoreRequest;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabPreconditions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshot save and restore of a ~100 MB database on three lab hosts; writes
 * docs/benchmarks.md. Save: wall time of `quorum snapshot save` (linearizable key count,
 * stream over TLS from a follower, sha256, metadata) against a plain `cp` of the same file on the
 * same disk. Restore: every member's etcd stopped and its data dir moved aside (quorum lost),
 * then the whole restore plan timed: guards, setup checks, upload to every member, etcdctl
 * snapshot restore, start, health, key count.
 */
@Tag("benchmark")
class RestoreBenchmark {
    private static final int ROUNDS = Integer.getInteger("quorum.bench.rounds", 3);
    private static final int KEYS = 1000;
    private static final int VALUE_BYTES = 100 * 1000;

    @Test
    void snapshotSaveAndRestore(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(LabPreconditions.isRoot(), LabPreconditions.NOT_ROOT);
        LabPreconditions.requireTools();
        List<Long> save = new ArrayList<>();
        List<Long> copy = new ArrayList<>();
        List<Long> restore = new ArrayList<>();
        long size;
        try (Lab lab = Lab.start(3)) {
            LabCluster cluster = new LabCluster(lab, dir.resolve("cluster"), Map.of(), 3);
            succeeded(cluster.install());
            try (ClusterSession session = cluster.session(cluster.ssh());
                 KeyValues kv = new KeyValues(session.inventory().etcdMembers().stream().map(m -> m.clientUrl()).toList(),
                         session.pki().clientTls())) {
                kv.put("bench/", KEYS, VALUE_BYTES);
            }
            SnapshotInfo last = null;
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                try (ClusterSession session = cluster.session(cluster.ssh())) {
                    last = ClusterSnapshots.save(session, "bench " + round, Optional.empty());
                }
                save.add((System.nanoTime() - start) / 1_000_000);
                copy.add(cp(last.file(), dir.resolve("copy-" + round + ".db")));
            }
            size = last.sizeBytes();
            SnapshotInfo snapshot = last;
            for (int round = 0; round < ROUNDS; round++) {
                for (LabHost host : lab.hosts()) {
                    host.exec("systemctl stop etcd && mv /var/lib/etcd /var/lib/etcd.lost-" + round)
                            .requireOk("lose " + host.name());
                }
                long start = System.nanoTime();
                LabCluster.Outcome restored = cluster.run(session -> RestorePlan.build(session,
                        RestoreRequest.fromSnapshot(snapshot.file(), false), Duration.ofSeconds(90)));
                restore.add((System.nanoTime() - start) / 1_000_000);
                succeeded(restored);
                restored.log().lines().filter(l -> !l.startsWith(" ")).forEach(l -> System.out.println("bench | " + l));
                for (LabHost host : lab.hosts()) {
                    host.exec("rm -rf /var/lib/etcd.lost-" + round + " /var/lib/etcd.before-restore-*");
                }
            }
        }
        double mb = size / 1e6;
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[1];
        new BenchmarkReport("Snapshot save and restore on lab hosts", ROUNDS)
                .row(String.format(Locale.ROOT, "snapshot save, %.0f MB database, over TLS from a follower to the "
                        + "workstation (median %.0f MB/s)", mb, mb / median(save)), save, "none set")
                .row(String.format(Locale.ROOT, "plain `cp` of the same file on the workstation (median %.0f MB/s)",
                        mb / median(copy)), copy, "reference")
                .row(String.format(Locale.ROOT, "restore a 3-member cluster from that %.0f MB snapshot (quorum lost, "
                        + "data dirs gone): guards to verified key count; 5-minute load average %s at the end "
                        + "(shared machine)", mb, load), restore, "<= 15 s")
                .write(Path.of(System.getProperty("quorum.docs", "../docs")).resolve("benchmarks.md"));
        assertThat(restore).hasSize(ROUNDS);
    }

    private static double median(List<Long> millis) {
        return millis.stream().sorted().toList().get(millis.size() / 2) / 1000.0;
    }

    private static long cp(Path from, Path to) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("cp", from.toString(), to.toString()).inheritIO().start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        long millis = (System.nanoTime() - start) / 1_000_000;
        Files.delete(to);
        return millis;
    }

    private static void succeeded(LabCluster.Outcome outcome) {
        assertThat(outcome.result().succeeded()).as(outcome.log() + outcome.firstFailure()).isTrue();
    }
}
