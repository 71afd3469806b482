package dev.quorum.core.lifecycle.versions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.ClusterSnapshots;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.adopt.AdoptPlans;
import dev.quorum.core.lifecycle.adopt.AdoptRequest;
import dev.quorum.core.lifecycle.renew.CertPlans;
import dev.quorum.core.lifecycle.renew.RenewalRequest;
import dev.quorum.core.lifecycle.restore.RestorePlan;
import dev.quorum.core.lifecycle.restore.RestoreRequest;
import dev.quorum.core.lifecycle.maintenance.CompactRequest;
import dev.quorum.core.lifecycle.maintenance.DefragRequest;
import dev.quorum.core.lifecycle.maintenance.MaintenancePlans;
import dev.quorum.core.lifecycle.members.MemberPlans;
import dev.quorum.core.lifecycle.members.ReplaceRequest;
import dev.quorum.core.lifecycle.recover.RecoverPlan;
import dev.quorum.core.lifecycle.recover.RecoverRequest;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.KubesprayLayout;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every life-cycle once, in one flow, on one etcd release line: a cluster laid out as Kubespray does and adopted,
 * install run over it (it must converge, changing only what differs), replace one member by the spare host,
 * recover a stopped member, renew every certificate, compact and defragment, then lose quorum and restore from a
 * snapshot. The default line (3.6) runs every life-cycle's own lab tests; this keeps the other lines honest. A
 * fresh install on 3.4 and 3.5 is where the upgrade lab tests start.
 */
final class LifecyclesOnOneLine {
    private final Lab lab;
    private final EtcdTarball release;
    private final LabCluster cluster;

    private final Path dir;

    LifecyclesOnOneLine(Lab lab, Path dir, EtcdTarball release) {
        this.lab = lab;
        this.dir = dir;
        this.release = release;
        this.cluster = new LabCluster(lab, dir, Map.of(), 3, release);
    }

    void run() throws Exception {
        new KubesprayLayout(lab, 3, dir.resolve("kubespray-ssl"), release).install(List.of("lab1", "lab2", "lab3"));
        succeeds("adopt", cluster.run(session -> AdoptPlans.adopt(session, AdoptRequest.keepCaKeyOnHosts())));
        succeeds("install over the adopted cluster", cluster.install());
        assertRunningRelease(List.of("lab1", "lab2", "lab3"));

        succeeds("replace", cluster.run(session -> MemberPlans.replace(session,
                new ReplaceRequest("etcd3", "lab4", true)).plan()));
        cluster.editInventory("        lab3:\n", "        lab4:\n");
        assertThat(status().memberList()).hasSize(3);

        host("lab2").exec("systemctl stop etcd").requireOk("stop etcd on lab2");
        succeeds("recover", cluster.run(session -> RecoverPlan.build(session, new RecoverRequest("hosts.yaml", Duration.ofSeconds(60)))
                .plan()));
        assertThat(status().healthy()).as("after recover").isTrue();

        succeeds("renew", cluster.run(session -> CertPlans.renew(session,
                new RenewalRequest(Optional.empty(), true, Duration.ofDays(30)))));
        succeeds("compact", cluster.run(session -> MaintenancePlans.compact(session, CompactRequest.keep(10))));
        succeeds("defrag", cluster.run(session -> MaintenancePlans.defrag(session, new DefragRequest(0))));

        SnapshotInfo snapshot;
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            snapshot = ClusterSnapshots.save(session, "before losing quorum", Optional.empty());
        }
        for (String lost : List.of("lab2", "lab4")) {
            host(lost).exec("systemctl stop etcd").requireOk("stop etcd on " + lost);
        }
        LabCluster.Outcome restore = cluster.run(session -> RestorePlan.build(session,
                RestoreRequest.fromSnapshot(snapshot.file(), false), Duration.ofSeconds(90)));
        succeeds("restore", restore);
        if (release.line().equals("3.4")) {
            assertThat(restore.log()).as("Debian's etcdctl 3.4.23 has no --bump-revision (decision 0079)")
                    .contains("cannot raise them", "revisions as the snapshot has them", "restart kube-apiserver")
                    .doesNotContain("revisions raised by");
        } else {
            assertThat(restore.log()).contains("revisions raised by 1000000000").doesNotContain("cannot raise them");
        }
        ClusterStatus restored = status();
        assertThat(restored.healthy()).as(restored.sentence()).isTrue();
        assertRunningRelease(List.of("lab1", "lab2", "lab4"));
    }

    private void succeeds(String lifecycle, LabCluster.Outcome outcome) {
        assertThat(outcome.result().succeeded()).as(lifecycle + " on etcd " + release.version() + ": "
                + outcome.firstFailure() + "\n" + outcome.log()).isTrue();
    }

    private void assertRunningRelease(List<String> hosts) {
        for (String name : hosts) {
            assertThat(host(name).exec("/usr/local/bin/etcd --version").requireOk("etcd --version").stdout())
                    .as(name).contains("etcd Version: " + release.version().substring(1));
        }
    }

    private ClusterStatus status() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return LiveCluster.read(session).probe(session);
        }
    }

    private LabHost host(String name) {
        return lab.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }
}
