package dev.quorum.core.lifecycle.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.engine.StepStatus;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.etcd.ServedVersions;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/** What the upgrade and downgrade lab tests read of their cluster, and how they point its inventory at a release. */
record UpgradeLabReads(Lab lab, LabCluster cluster) {

    static Map<String, Object> vars(EtcdTarball tarball) {
        return Map.of("etcd_version", tarball.version(), "etcd_download_url", tarball.uri().toString(),
                "etcd_binary_checksum", tarball.sha256());
    }

    /** The inventory's etcd_version, download URL and checksum to another release. */
    static void point(LabCluster cluster, EtcdTarball tarball) {
        try {
            String text = Files.readString(cluster.inventoryFile);
            for (Map.Entry<String, Object> e : vars(tarball).entrySet()) {
                String value = e.getValue().toString();
                text = java.util.regex.Pattern.compile("(?m)^(\\s*" + e.getKey() + ":).*$").matcher(text)
                        .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) + " " + value));
            }
            Files.writeString(cluster.inventoryFile, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(cluster.inventory().etcd().version()).isEqualTo(tarball.version());
    }

    List<String> endpoints() {
        return lab.hosts().stream().map(h -> "https://" + h.address() + ":2379").toList();
    }

    ClusterStatus status() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return LiveCluster.read(session).probe(session);
        }
    }

    /** Each member's running version, once every member answered (a busy member may miss one probe; bounded). */
    List<String> versions() {
        AtomicReference<ClusterStatus> seen = new AtomicReference<>();
        Wait.until(Duration.ofSeconds(30), Duration.ofMillis(300), () -> {
            seen.set(status());
            return seen.get().members().stream().allMatch(m -> m.status().isPresent());
        });
        return seen.get().members().stream().map(m -> m.status().map(s -> "v" + s.version()).orElse("unreachable"))
                .toList();
    }

    Map<String, Long> memberIds() {
        return status().memberList().stream().collect(Collectors.toMap(MemberInfo::name, MemberInfo::id,
                (a, b) -> a, TreeMap::new));
    }

    /** What a refused run must leave as it was: binaries, env files, kept releases, running versions, snapshots. */
    String fingerprint() {
        StringBuilder text = new StringBuilder(String.join(",", versions())).append('\n');
        for (LabHost host : lab.hosts()) {
            text.append(host.name()).append(": ").append(host.exec("sha256sum /usr/local/bin/etcd "
                    + "/usr/local/bin/etcdctl /etc/etcd.env; ls /usr/local/bin /var/backups/quorum 2>&1; "
                    + "systemctl is-active etcd").stdout()).append('\n');
        }
        try (var snapshots = Files.list(cluster.home.snapshots(cluster.inventory().clusterName()).getParent())) {
            snapshots.forEach(p -> text.append(p.getFileName()).append('\n'));
        } catch (IOException e) {
            text.append("no snapshots folder\n");
        }
        return text.toString();
    }

    /** A downgrade run cancelled once the first step whose title starts so changed something, as a Ctrl-C would. */
    static LabCluster.Outcome downgradeCutOffAfter(LabCluster cluster, String title) {
        Cancellation cancellation = new Cancellation();
        LabCluster.Outcome cut = cluster.run(s -> UpgradePlans.plan(s, UpgradeRequest.downgradeOneMinor()),
                cluster.ssh(), RunMode.APPLY, cancellation, event -> {
                    if (event instanceof RunEvent.StepFinished f && f.status() == StepStatus.CHANGED
                            && f.title().startsWith(title)) {
                        cancellation.cancel();
                    }
                });
        assertThat(cut.result().outcome()).as(cut.log()).isEqualTo(RunOutcome.CANCELLED);
        return cut;
    }

    /** etcd's leaders decide the cluster version a few seconds after the last member changed: asked until then. */
    static void assertClusterSpeaks(LabCluster cluster, List<String> clientUrls, String line) {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            boolean spoken = Wait.until(Duration.ofSeconds(20), Duration.ofMillis(500),
                    () -> clientUrls.stream().allMatch(url -> clusterVersion(session, url).equals(line)));
            assertThat(spoken).as(() -> "cluster version " + line + " at every member: " + clientUrls.stream()
                    .map(url -> url + " " + clusterVersion(session, url)).toList()).isTrue();
        }
    }

    private static String clusterVersion(ClusterSession session, String clientUrl) {
        try {
            ServedVersions served = session.sharedEtcd().versions(clientUrl).get(5, TimeUnit.SECONDS);
            return served.cluster().map(v -> v.line()).orElse("not decided");
        } catch (Exception e) {
            return "unknown: " + e.getMessage();
        }
    }
}
