package dev.quorum.core.lifecycle.recover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.etcd.InitialCheckDropIn;
import dev.quorum.core.intent.Intent;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.members.AddRequest;
import dev.quorum.core.lifecycle.members.MemberPlans;
import dev.quorum.core.lifecycle.members.RemoveRequest;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diagnosis on three lab hosts with real partitions: each host's own view decides who is cut
 * off, and the verdict follows raft's rule (a majority of voters with a leader).
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiagnoseLabTest {
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;

    @BeforeAll
    static void install() {
        cluster = new LabCluster(lab, dir, Map.of(), 3);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
    }

    @AfterEach
    void heal() {
        lab.hosts().forEach(LabHost::healPeers);
        awaitDiagnosis(d -> d.verdict() == Verdict.HEALTHY);
    }

    static Diagnosis diagnose() {
        return new LabDiagnosis(cluster).now();
    }

    static Diagnosis awaitDiagnosis(Predicate<Diagnosis> settled) {
        return new LabDiagnosis(cluster).await(settled);
    }

    @Test
    @Order(1)
    void aHealthyClusterIsHealthyWithFullConnectivity() {
        Diagnosis d = diagnose();
        assertThat(d.verdict()).as(d.toString()).isEqualTo(Verdict.HEALTHY);
        assertThat(d.sentence()).startsWith("healthy: all 3 members run with leader");
        assertThat(d.members()).allSatisfy(m -> {
            assertThat(m.reachable()).isTrue();
            assertThat(m.running()).contains(true);
            assertThat(m.hasLeader()).contains(true);
            assertThat(m.isolated()).contains(false);
            assertThat(m.problems()).isEmpty();
        });
        assertThat(d.members().stream().filter(MemberDiagnosis::leader)).hasSize(1);
        assertThat(d.connectivity()).containsOnlyKeys("lab1", "lab2", "lab3");
        assertThat(d.connectivity().get("lab1")).containsEntry("lab2", true).containsEntry("lab3", true);
    }

    @Test
    @Order(2)
    void aFollowerCutFromItsPeersIsIsolatedAndTheOthersAreNot() {
        String follower = diagnose().members().stream().filter(m -> !m.leader()).findFirst().orElseThrow().host();
        host(follower).cutPeers();
        Diagnosis d = awaitDiagnosis(x -> x.member(follower).orElseThrow().has(ProblemKind.ISOLATED)
                && x.verdict() == Verdict.DEGRADED);
        assertThat(d.sentence()).as(d.sentence()).startsWith(follower + " is cut off from")
                .contains("the cluster still has quorum").contains(follower + " will catch up by itself");
        assertThat(d.members().stream().filter(m -> !m.host().equals(follower)))
                .allSatisfy(m -> {
                    assertThat(m.isolated()).as(m.host()).contains(false);
                    assertThat(m.problems()).as(m.host()).isEmpty();
                });
        assertThat(d.connectivity().get(follower)).doesNotContainValue(true);
        assertThat(d.actions().get(0).command()).startsWith("quorum recover");
    }

    @Test
    @Order(3)
    void theLeaderCutOffLeavesANewLeaderOnTheMajority() {
        String leader = diagnose().leader().orElseThrow().host();
        host(leader).cutPeers();
        // The majority may elect before the old leader notices it lost them (CheckQuorum steps it
        // down after an election timeout): wait for both.
        Diagnosis d = awaitDiagnosis(x -> x.verdict() == Verdict.DEGRADED
                && x.leader().map(l -> !l.host().equals(leader)).orElse(false)
                && x.member(leader).orElseThrow().has(ProblemKind.ISOLATED)
                && x.member(leader).orElseThrow().hasLeader().equals(java.util.Optional.of(false)));
        assertThat(d.member(leader).orElseThrow().hasLeader()).contains(false);
    }

    @Test
    @Order(4)
    void twoOfThreeCutMeansQuorumLost() {
        host("lab2").cutPeers();
        host("lab3").cutPeers();
        // the old leader steps down once it misses a majority for an election timeout (CheckQuorum)
        Diagnosis d = awaitDiagnosis(x -> x.verdict() == Verdict.QUORUM_LOST
                && x.members().stream().noneMatch(m -> m.hasLeader().orElse(true)));
        assertThat(d.sentence()).startsWith("quorum is lost: ");
        assertThat(d.actions()).anySatisfy(a -> assertThat(a.command()).contains("quorum restore"));
        assertThat(d.members()).allSatisfy(m -> assertThat(m.isolated()).as(m.host()).contains(true));
    }

    @Test
    @Order(5)
    void aRestoresDropInLeftOnAHostIsReportedAndRecoverRemovesIt() {
        InitialCheckDropIn dropIn = InitialCheckDropIn.of(cluster.inventory().etcd()).orElseThrow();
        LabHost lab2 = host("lab2");
        // what an interrupted restore leaves (InitialCheckOffStep), on a member of a running cluster
        lab2.writeFile(dropIn.envPath(), dropIn.env());
        lab2.writeFile(dropIn.confPath(), dropIn.conf());
        assertThat(lab2.exec("systemctl daemon-reload").exitCode()).isZero();

        Diagnosis d = diagnose();
        assertThat(d.verdict()).as(d.sentence()).isEqualTo(Verdict.DEGRADED);
        MemberDiagnosis left = d.member("lab2").orElseThrow();
        assertThat(left.problems()).extracting(Problem::kind).containsExactly(ProblemKind.RESTORE_DROP_IN);
        assertThat(left.problems().get(0).text()).contains(dropIn.confPath());
        assertThat(left.restoreLeftover()).isEqualTo(new RestoreLeftover(RestoreLeftover.DropIn.PRESENT,
                RestoreLeftover.Marker.NONE));
        assertThat(d.members()).filteredOn(m -> !m.host().equals("lab2")).allSatisfy(m -> {
            assertThat(m.problems()).as(m.host()).isEmpty();
            assertThat(m.restoreLeftover().dropIn()).as(m.host()).isEqualTo(RestoreLeftover.DropIn.ABSENT);
        });
        assertThat(d.actions().get(0).command()).isEqualTo("quorum recover -i hosts.yaml");

        // files gone without a daemon-reload: systemd still holds the override, so it is still reported
        lab2.exec("rm -f " + dropIn.confPath() + " " + dropIn.envPath());
        assertThat(diagnose().member("lab2").orElseThrow().has(ProblemKind.RESTORE_DROP_IN))
                .as("still in the definition systemd loaded").isTrue();

        LabCluster.Outcome recovered = cluster.run(session -> RecoverPlan.build(session,
                new RecoverRequest("hosts.yaml", RejoinWaitStep.DEFAULT_TIMEOUT)).plan());
        assertThat(recovered.result().succeeded()).as(recovered.log() + recovered.firstFailure()).isTrue();
        assertThat(lab2.exec("systemctl cat etcd").stdout()).doesNotContain(InitialCheckDropIn.NAME);
        assertThat(lab2.exec("systemctl show -p DropInPaths --value etcd").stdout())
                .doesNotContain(InitialCheckDropIn.NAME);
        Diagnosis after = diagnose();
        assertThat(after.verdict()).as(after.sentence()).isEqualTo(Verdict.HEALTHY);
        assertThat(after.member("lab2").orElseThrow().restoreLeftover().dropIn())
                .isEqualTo(RestoreLeftover.DropIn.ABSENT);
    }

    /**
     * A member removed while its host was cut off entirely keeps its etcd (the removal could not stop it); once the
     * host is back, etcd there learns it was removed and restarts without end. The diagnosis names it and offers both
     * ways: recover (a re-seed, as the inventory's etcd group still names the host) or the removal again, which
     * retires the host. Here the removal was meant; adding the host back afterwards leaves the cluster as it was.
     */
    @Test
    @Order(6)
    void aMemberRemovedWhileCutOffIsNamedOnceItIsBackAndRemovingItAgainRetiresItsHost() {
        MemberDiagnosis follower = diagnose().members().stream().filter(m -> !m.leader()).findFirst().orElseThrow();
        LabHost cut = host(follower.host());
        cut.cutLink();
        try {
            LabCluster.Outcome removed = remove(follower.name());
            assertThat(removed.result().succeeded()).as(removed.log() + removed.firstFailure()).isTrue();
            assertThat(removed.log()).contains("cannot be reached");
        } finally {
            cut.healLink();
        }

        Diagnosis d = awaitDiagnosis(x -> x.member(follower.host()).orElseThrow().has(ProblemKind.REMOVED));
        assertThat(d.verdict()).as(d.sentence()).isEqualTo(Verdict.DEGRADED);
        assertThat(d.sentence()).contains(follower.host() + " runs a member the cluster removed");
        assertThat(d.actions()).extracting(RecommendedAction::intent)
                .containsSubsequence(new Intent.Recover(), new Intent.Remove(follower.host()));
        assertThat(d.actions()).extracting(RecommendedAction::command)
                .contains("quorum remove -i hosts.yaml --member " + follower.host());

        LabCluster.Outcome retired = remove(follower.host());
        assertThat(retired.result().succeeded()).as(retired.log() + retired.firstFailure()).isTrue();
        assertThat(cut.exec("systemctl is-active etcd").stdout().strip()).isNotEqualTo("active");
        assertThat(cut.fileExists("/var/lib/etcd")).as("the data moved aside").isFalse();
        assertThat(cut.exec("ls -d /var/lib/etcd.removed-*/member").ok()).as("and kept").isTrue();
        assertThat(diagnose().member(follower.host()).orElseThrow().problems()).extracting(Problem::kind)
                .containsExactly(ProblemKind.NOT_A_MEMBER);

        LabCluster.Outcome added = cluster.run(session -> MemberPlans.add(session,
                new AddRequest(follower.host())).plan());
        assertThat(added.result().succeeded()).as(added.log() + added.firstFailure()).isTrue();
    }

    private static LabCluster.Outcome remove(String member) {
        return cluster.run(session -> MemberPlans.remove(session, new RemoveRequest(member)).plan());
    }

    private static LabHost host(String name) {
        return lab.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }
}
