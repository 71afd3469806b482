package dev.quorum.core.lifecycle.apiservers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.StepStatus;
import dev.quorum.core.kubeclients.ApiserverMatch;
import dev.quorum.core.kubeclients.KubeClientStatus;
import dev.quorum.core.kubeclients.KubeClientsReading;
import dev.quorum.core.kubeclients.KubeRole;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.members.MemberChange;
import dev.quorum.core.lifecycle.members.MemberPlans;
import dev.quorum.core.lifecycle.members.ReplaceRequest;
import dev.quorum.lab.KubeStandIn;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * kube-apiserver's --etcd-servers after a member replace (issue 20): lab1-3 are the members, lab4 the replacement,
 * lab1 and lab5 control planes running the lab's kubelet + kube-apiserver stand-in, which restarts on a manifest
 * change and answers /livez/etcd 200 only while it reaches etcd with the manifest's settings.
 */
@LabHosts(count = 5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiserversLabTest {
    private static final Duration HEALTH = Duration.ofSeconds(90);
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;
    static String initialServers;
    static ApiserverRequest afterReplace;

    @BeforeAll
    static void installAndStartTheStandIns() {
        cluster = new LabCluster(lab, dir, Map.of(), 3);
        cluster.editInventory("\n  vars:", "\n    kube_control_plane:\n      hosts:\n        " + lab.host(0).name()
                + ":\n        " + lab.host(4).name() + ":\n    k8s_cluster:\n      children:\n"
                + "        kube_control_plane:\n  vars:");
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log() + installed.firstFailure()).isTrue();
        initialServers = lab.hosts().subList(0, 3).stream().map(h -> "https://" + h.address() + ":2379")
                .collect(Collectors.joining(","));
        for (LabHost host : controlPlanes()) {
            KubeStandIn.start(host, KubeStandIn.manifest(host.name(), initialServers));
        }
        for (LabHost host : controlPlanes()) {
            assertThat(KubeStandIn.awaitLivez(host, "200", Duration.ofSeconds(60)))
                    .as(host.exec("cat /var/log/kubelet-standin.log").stdout()).isTrue();
        }
    }

    private static List<LabHost> controlPlanes() {
        return List.of(lab.host(0), lab.host(4));
    }

    private static List<String> changed(LabCluster.Outcome outcome) {
        return outcome.events().stream()
                .filter(e -> e instanceof RunEvent.TargetFinished f && f.status() == StepStatus.CHANGED)
                .map(e -> ((RunEvent.TargetFinished) e).target()).toList();
    }

    @Test
    @Order(1)
    void afterAReplaceEachControlPlaneGetsTheNewMembersOneAfterTheOtherWithABackupAndComesBackHealthy() {
        AtomicReference<MemberChange> change = new AtomicReference<>();
        LabCluster.Outcome replaced = cluster.run(session -> {
            change.set(MemberPlans.replace(session, new ReplaceRequest(lab.host(1).name(), lab.host(3).name(), false)));
            return change.get().plan();
        });
        assertThat(replaced.result().succeeded()).as(replaced.log() + replaced.firstFailure()).isTrue();
        afterReplace = new ApiserverRequest(ApiserverPlans.forMembers(change.get().membersAfter()).etcdServers(), HEALTH);
        assertThat(afterReplace.value()).contains(lab.host(3).address()).doesNotContain(lab.host(1).address() + ":");
        Map<LabHost, String> before = controlPlanes().stream()
                .collect(Collectors.toMap(h -> h, h -> h.readFile(KubeStandIn.MANIFEST)));

        LabCluster.Outcome updated = cluster.run(session -> ApiserverPlans.update(session, afterReplace).plan());

        assertThat(updated.result().succeeded()).as(updated.log() + updated.firstFailure()).isTrue();
        assertThat(changed(updated)).containsExactly(lab.host(0).name(), lab.host(4).name());
        List<RunEvent> events = updated.events();
        int firstDone = indexOf(events, RunEvent.TargetFinished.class, lab.host(0).name());
        int secondStarted = events.indexOf(events.stream().filter(e -> e instanceof RunEvent.StepStarted s
                && s.targets().equals(List.of(lab.host(4).name()))).findFirst().orElseThrow());
        assertThat(firstDone).as("one control plane at a time").isLessThan(secondStarted);
        for (LabHost host : controlPlanes()) {
            String old = before.get(host);
            assertThat(host.readFile(KubeStandIn.MANIFEST)).as("only the flag's value changed")
                    .isEqualTo(old.replace("--etcd-servers=" + initialServers, "--etcd-servers=" + afterReplace.value()));
            assertThat(host.exec("stat -c %a " + KubeStandIn.MANIFEST).stdout()).isEqualTo("600\n");
            String backups = host.exec("ls " + ApiserverFiles.BACKUP_DIR).stdout().strip();
            assertThat(backups.lines()).hasSize(1).allMatch(name -> name.startsWith("kube-apiserver.yaml."));
            assertThat(host.readFile(ApiserverFiles.BACKUP_DIR + "/" + backups)).isEqualTo(old);
            assertThat(KubeStandIn.livez(host)).isEqualTo("200");
        }
    }

    @Test
    @Order(2)
    void aSecondRunFindsEveryControlPlaneRightAndChangesNothing() {
        LabCluster.Outcome again = cluster.run(session -> ApiserverPlans.update(session, afterReplace).plan());

        assertThat(again.result().succeeded()).as(again.log() + again.firstFailure()).isTrue();
        assertThat(changed(again)).isEmpty();
        assertThat(again.log()).contains("already lists these 3 members");
        assertThat(lab.host(0).exec("ls " + ApiserverFiles.BACKUP_DIR).stdout().lines()).hasSize(1);
    }

    @Test
    @Order(3)
    void anApiServerThatDoesNotComeBackGetsItsManifestBackAndTheNextControlPlaneIsNotTouched() {
        LabHost lab1 = lab.host(0);
        LabHost lab5 = lab.host(4);
        String good1 = lab1.readFile(KubeStandIn.MANIFEST);
        String good5 = lab5.readFile(KubeStandIn.MANIFEST);
        // an address on the lab bridge where no etcd listens: the API server cannot reach etcd with it
        ApiserverRequest nowhere = new ApiserverRequest(List.of("https://198.19.77.250:2379"), Duration.ofSeconds(20));

        LabCluster.Outcome failed = cluster.run(session -> ApiserverPlans.update(session, nowhere).plan());

        assertThat(failed.result().succeeded()).isFalse();
        assertThat(failed.firstFailure()).startsWith(lab1.name() + ": ").contains("did not come back healthy")
                .contains("put back from " + ApiserverFiles.BACKUP_DIR);
        assertThat(lab1.readFile(KubeStandIn.MANIFEST)).isEqualTo(good1);
        assertThat(lab5.readFile(KubeStandIn.MANIFEST)).isEqualTo(good5);
        assertThat(KubeStandIn.awaitLivez(lab1, "200", Duration.ofSeconds(60))).isTrue();
    }

    @Test
    @Order(4)
    void aControlPlaneThatCannotBeReachedFailsTheRunByName() {
        LabHost lab5 = lab.host(4);
        lab5.cutLink();
        LabCluster.Outcome outcome;
        try {
            outcome = cluster.run(session -> ApiserverPlans.update(session, afterReplace).plan());
        } finally {
            lab5.healLink();
        }

        assertThat(outcome.result().succeeded()).isFalse();
        assertThat(outcome.firstFailure()).startsWith(lab5.name() + ": ").contains("NOT reached")
                .contains("quorum apiservers update -i");
        assertThat(changed(outcome)).isEmpty();
    }

    @Test
    @Order(5)
    void theKubernetesHostsReadAsEtcdClientsOnceTheInventoryNamesTheNewMember() {
        cluster.editInventory("\n        " + lab.host(1).name() + ":\n", "\n        " + lab.host(3).name() + ":\n");

        List<KubeClientStatus> statuses;
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            statuses = KubeClientsReading.read(session, Duration.ofDays(30));
        }

        assertThat(statuses).extracting(KubeClientStatus::host).containsExactly(lab.host(0).name(), lab.host(4).name());
        assertThat(statuses).allSatisfy(s -> {
            assertThat(s.role()).isEqualTo(KubeRole.CONTROL_PLANE);
            assertThat(s.reachable()).isTrue();
            assertThat(s.apiserver()).as(s.apiserverText()).isEqualTo(ApiserverMatch.MATCHES);
            assertThat(s.certificate().orElseThrow().present()).isTrue();
            assertThat(s.certificate().orElseThrow().signedByClusterCa()).contains(true);
            assertThat(s.certificate().orElseThrow().problems()).isEmpty();
        });
    }

    @Test
    @Order(6)
    void theEventsClustersMembersGoIntoTheOverridesEntryAndEtcdServersStaysAsItWas() {
        String oldEvents = "/events#https://" + lab.host(0).address() + ":2383;https://" + lab.host(1).address() + ":2383";
        for (LabHost host : controlPlanes()) {
            String manifest = host.readFile(KubeStandIn.MANIFEST);
            host.writeFile(KubeStandIn.MANIFEST, manifest.replace("    - --etcd-servers=",
                    "    - --etcd-servers-overrides=" + oldEvents + "\n    - --etcd-servers="));
        }
        for (LabHost host : controlPlanes()) {
            assertThat(KubeStandIn.awaitLivez(host, "200", Duration.ofSeconds(60))).isTrue();
        }
        Map<LabHost, String> before = controlPlanes().stream()
                .collect(Collectors.toMap(h -> h, h -> h.readFile(KubeStandIn.MANIFEST)));
        // Only the flag is looked at here: the stand-in checks --etcd-servers' etcd, not the events cluster's.
        ApiserverRequest events = new ApiserverRequest(List.of("https://" + lab.host(0).address() + ":2383",
                "https://" + lab.host(3).address() + ":2383"), HEALTH, ApiserverFlag.EVENTS_OVERRIDE);

        LabCluster.Outcome updated = cluster.run(session -> ApiserverPlans.update(session, events).plan());

        assertThat(updated.result().succeeded()).as(updated.log() + updated.firstFailure()).isTrue();
        assertThat(changed(updated)).containsExactly(lab.host(0).name(), lab.host(4).name());
        for (LabHost host : controlPlanes()) {
            assertThat(host.readFile(KubeStandIn.MANIFEST)).as("only the events entry changed")
                    .isEqualTo(before.get(host).replace(oldEvents, events.value()));
            assertThat(host.exec("tr '\\0' '\\n' < /proc/$(pgrep -f 'kube-apiserver --' | head -n 1)/cmdline")
                    .stdout()).contains("--etcd-servers-overrides=" + events.value());
        }
        LabCluster.Outcome again = cluster.run(session -> ApiserverPlans.update(session, events).plan());
        assertThat(changed(again)).isEmpty();
        assertThat(again.log()).contains("--etcd-servers-overrides already lists these 2 members");
    }

    private static int indexOf(List<RunEvent> events, Class<? extends RunEvent> type, String target) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i)) && events.get(i) instanceof RunEvent.TargetFinished f
                    && f.target().equals(target)) {
                return i;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " for " + target);
    }
}
