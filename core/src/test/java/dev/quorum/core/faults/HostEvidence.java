package dev.quorum.core.faults;

import dev.quorum.core.labtest.LabCluster;
import dev.quorum.lab.LabHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a refused life-cycle must leave exactly as it was, read over SSH (never through etcd's
 * client port, which a fault may block) and on the workstation: etcd's process on every host,
 * the member IDs the members list themselves, the certificates, every etcd data dir (one moved
 * aside shows as a new name), the files Quorum writes on a host and keeps old copies of, and the
 * workstation's PKI and snapshots.
 */
record HostEvidence(List<String> lines) {
    private static final String HOST_FACTS = String.join("; ",
            "echo pid $(pgrep -x etcd)",
            "/usr/local/bin/etcdctl.sh member list 2>/dev/null | cut -d, -f1 | sort | sed 's/^/member /'",
            "sha256sum /etc/ssl/etcd/ssl/*.pem 2>/dev/null",
            "ls -d /var/lib/etcd* /etc/etcd.env* /etc/systemd/system/etcd.service /usr/local/bin/etcd 2>/dev/null",
            "find /var/backups/quorum -type f 2>/dev/null | sort");

    static HostEvidence read(LabCluster cluster) {
        List<String> lines = new ArrayList<>();
        for (LabHost host : cluster.lab.hosts()) {
            host.exec(HOST_FACTS).stdout().lines().forEach(line -> lines.add(host.name() + ": " + line));
        }
        String name = cluster.inventory().clusterName();
        lines.addAll(files(cluster.home.pki(name)));
        lines.addAll(files(cluster.home.snapshots(name)));
        return new HostEvidence(List.copyOf(lines));
    }

    /** The member IDs the first host's etcd lists (over SSH): must be non-empty for a cluster that runs. */
    List<String> memberIds() {
        return lines.stream().filter(l -> l.startsWith("lab1: member ")).toList();
    }

    private static List<String> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of("workstation: no " + dir);
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> "workstation: " + dir.relativize(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
