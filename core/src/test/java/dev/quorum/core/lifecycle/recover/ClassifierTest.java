package dev.quorum.core.lifecycle.recover;

import static dev.quorum.core.lifecycle.recover.ClassifierFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.intent.Intent;
import dev.quorum.core.inventory.EtcdMember;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The classification rules on hand-made host reports (quorum, reachability, membership): pure logic, no hosts. */
class ClassifierTest {
    @Test
    void allMembersServingWithALeaderIsHealthy() {
        Diagnosis d = classify(Map.of());
        assertThat(d.verdict()).isEqualTo(Verdict.HEALTHY);
        assertThat(d.sentence()).isEqualTo("healthy: all 3 members run with leader etcd1 (h1) and reach every peer");
        assertThat(d.leader().orElseThrow().host()).isEqualTo("h1");
        assertThat(d.actions().get(0).command()).isEqualTo("quorum snapshot save -i hosts.yaml");
    }

    @Test
    void aFollowerThatReachesNoPeerIsIsolatedAndOnlyIt() {
        EtcdMember h3 = THREE.get(2);
        Map<String, Boolean> none = new LinkedHashMap<>(Map.of("10.0.0.1", false, "10.0.0.2", false));
        HostReport cut = report(h3, "active", Optional.of(status("a3", CLUSTER, "0", 90)), none, DataDirState.PRESENT,
                List.of());
        Map<String, HostReport> changed = new LinkedHashMap<>(Map.of("h3", cut));
        // the others cannot reach h3 either: the fault is on h3's side, not theirs
        for (EtcdMember other : THREE.subList(0, 2)) {
            Map<String, Boolean> reach = reachAll(other);
            reach.put(h3.address(), false);
            changed.put(other.hostName(), report(other, "active", Optional.of(status("a" + other.hostName().charAt(1),
                    CLUSTER, "a1", 100)), reach, DataDirState.PRESENT, List.of()));
        }

        Diagnosis d = classify(changed);

        assertThat(d.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(d.sentence()).isEqualTo("h3 is cut off from h1 and h2; the cluster still has quorum (tolerates 0 "
                + "more failures); h3 will catch up by itself when the network heals");
        assertThat(d.member("h3").orElseThrow().isolated()).contains(true);
        assertThat(d.member("h1").orElseThrow().problems()).isEmpty();
        assertThat(d.connectivity().get("h1")).containsEntry("h3", false).containsEntry("h2", true);
        assertThat(d.actions().get(0).command()).isEqualTo("quorum recover -i hosts.yaml");
    }

    @Test
    void withoutAMajorityWithALeaderQuorumIsLost() {
        Map<String, HostReport> changed = new LinkedHashMap<>();
        changed.put("h2", HostReport.unreachable("h2", "10.0.0.2", "connection timed out"));
        changed.put("h3", report(THREE.get(2), "failed", Optional.empty(), Map.of(), DataDirState.PRESENT, List.of()));
        changed.put("h1", report(THREE.get(0), "active", Optional.of(status("a1", CLUSTER, "0", 100)),
                Map.of("10.0.0.2", false, "10.0.0.3", false), DataDirState.PRESENT, List.of()));

        Diagnosis d = classify(changed);

        assertThat(d.verdict()).isEqualTo(Verdict.QUORUM_LOST);
        // h3's own report says its etcd is stopped, so only h2 (not reached over SSH) may be the network's fault:
        // h1 cannot reach h2, which does not make h1 the one cut off
        assertThat(d.sentence()).startsWith("quorum is lost: 3 of 3 members are down or cut off (h1: peer-unreachable, "
                + "h2: unreachable, h3: not-running)");
        MemberDiagnosis h2 = d.member("h2").orElseThrow();
        assertThat(h2.running()).isEmpty();
        assertThat(h2.hasLeader()).isEmpty();
        assertThat(h2.isolated()).as("unreachable hosts are not guessed").isEmpty();
        assertThat(d.actions()).extracting(RecommendedAction::command)
                .contains("quorum restore -i hosts.yaml --snapshot FILE");
    }

    @Test
    void membersServingWithALeaderWhileTheirUnitsSayActivatingHoldQuorum() {
        // restarted together while systemd has not yet seen them ready: etcd answers with a leader on every host
        Map<String, HostReport> changed = new LinkedHashMap<>();
        THREE.forEach(m -> changed.put(m.hostName(), report(m, "activating",
                Optional.of(status("a" + m.hostName().charAt(1), CLUSTER, "a1", 100)), reachAll(m),
                DataDirState.PRESENT, List.of())));

        Diagnosis d = classify(changed);

        assertThat(d.quorum().state()).isEqualTo(QuorumEvidence.State.HOLDS);
        assertThat(d.quorum().up()).containsExactly("etcd1", "etcd2", "etcd3");
        assertThat(d.verdict()).isEqualTo(Verdict.HEALTHY);
    }

    @Test
    void onlyMembersWhoseUnitIsStoppedAndWhoAnswerNothingCountAsStopped() {
        // h2 stopped by systemd; h3's unit waits to restart (activating) and may run again in a moment
        Map<String, HostReport> changed = new LinkedHashMap<>();
        changed.put("h2", report(THREE.get(1), "inactive", Optional.empty(), Map.of(), DataDirState.PRESENT,
                List.of()));
        changed.put("h3", report(THREE.get(2), "activating", Optional.empty(), Map.of(), DataDirState.PRESENT,
                List.of()));
        changed.put("h1", report(THREE.get(0), "active", Optional.of(status("a1", CLUSTER, "0", 100)),
                Map.of("10.0.0.2", false, "10.0.0.3", false), DataDirState.PRESENT, List.of()));

        QuorumEvidence evidence = classify(changed).quorum();

        assertThat(evidence.state()).isEqualTo(QuorumEvidence.State.LOST);
        assertThat(evidence.stopped()).containsExactly("etcd2");
        assertThat(evidence.noMajorityCanRun()).as("etcd1 and etcd3 may still elect a leader").isFalse();

        changed.put("h3", report(THREE.get(2), "failed", Optional.empty(), Map.of(), DataDirState.PRESENT, List.of()));
        QuorumEvidence bothStopped = classify(changed).quorum();
        assertThat(bothStopped.stopped()).containsExactlyInAnyOrder("etcd2", "etcd3");
        assertThat(bothStopped.noMajorityCanRun()).isTrue();
    }

    @Test
    void quorumIsNotCalledLostWhileMembersThatCouldNotBeAskedCouldHoldIt() {
        Map<String, HostReport> changed = new LinkedHashMap<>();
        changed.put("h1", report(THREE.get(0), "active", Optional.of(status("a1", CLUSTER, "0", 100)),
                Map.of("10.0.0.2", false, "10.0.0.3", false), DataDirState.PRESENT, List.of()));
        changed.put("h2", HostReport.unreachable("h2", "10.0.0.2", "connection timed out"));
        changed.put("h3", HostReport.unreachable("h3", "10.0.0.3", "connection timed out"));

        Diagnosis d = classify(changed);

        assertThat(d.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(d.hasQuorum()).isFalse();
        assertThat(d.quorum().state()).isEqualTo(QuorumEvidence.State.UNKNOWN);
        assertThat(d.quorum().unknown()).containsOnlyKeys("etcd2", "etcd3");
        assertThat(d.quorum().down()).containsOnlyKeys("etcd1");
        assertThat(d.sentence()).startsWith("cannot tell whether the cluster has quorum: 0 of 3 voting members report "
                + "a leader, 2 are needed, and these could not be asked: etcd2 (h2 could not be asked over SSH: "
                + "connection timed out)");
        assertThat(d.actions().get(0).command()).isEqualTo("quorum diagnose -i hosts.yaml");
        assertThat(d.actions().get(1).command())
                .isEqualTo("quorum restore -i hosts.yaml --snapshot FILE --declare-lost etcd2 --declare-lost etcd3");
        assertThat(d.quorum().declaringLost(List.of("etcd1")).state()).as("only unknown voters can be declared")
                .isEqualTo(QuorumEvidence.State.UNKNOWN);
        assertThat(d.quorum().declaringLost(List.of("etcd2")).state()).as("etcd3 alone is no majority")
                .isEqualTo(QuorumEvidence.State.LOST);
    }

    @Test
    void votersOutsideTheInventoryAreUnknownNotDown() {
        HostReport leaderless = report(THREE.get(0), "active", Optional.of(status("a1", CLUSTER, "0", 100)),
                Map.of("10.0.0.2", false, "10.0.0.3", false), DataDirState.PRESENT, List.of());
        Map<String, HostReport> reports = new LinkedHashMap<>(Map.of("h1", new HostReport("h1", "10.0.0.1", "",
                "active", leaderless.status(), "", LIST, List.of(), leaderless.peerReach(), DataDirState.PRESENT,
                List.of(), NOTHING_LEFT)));

        Diagnosis d = Classifier.classify(THREE.subList(0, 1), reports, "hosts.yaml", SETTINGS, Instant.EPOCH);

        assertThat(d.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(d.quorum().voters()).isEqualTo(3);
        assertThat(d.quorum().unknown()).containsEntry("etcd2",
                "on 10.0.0.2, not in the inventory: its host was not asked");
    }

    @Test
    void aMemberSshCannotReachButWhosePeersReachIsNotAdvisedForReplacement() {
        Diagnosis d = classify(Map.of("h3", HostReport.unreachable("h3", "10.0.0.3",
                "SSH to h3 failed twice, the second time on a fresh connection: timed out")));

        assertThat(d.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(d.quorum().unknown()).containsOnlyKeys("etcd3");
        assertThat(d.sentence()).startsWith("h3 cannot be reached over SSH (its etcd answers the other members on "
                + "the peer port)");
        assertThat(d.actions()).extracting(RecommendedAction::title)
                .contains("Check SSH to h3: its etcd answers the other members on the peer port, so it is not gone");
        assertThat(d.actions()).extracting(RecommendedAction::command).noneMatch(c -> c.startsWith("quorum replace"));
    }

    @Test
    void aMemberSshCannotReachAndNoPeerReachesMayBeReplaced() {
        Map<String, HostReport> changed = new LinkedHashMap<>();
        changed.put("h3", HostReport.unreachable("h3", "10.0.0.3", "no route to host"));
        for (EtcdMember other : THREE.subList(0, 2)) {
            Map<String, Boolean> reach = reachAll(other);
            reach.put("10.0.0.3", false);
            changed.put(other.hostName(), report(other, "active", Optional.of(status("a" + other.hostName().charAt(1),
                    CLUSTER, "a1", 100)), reach, DataDirState.PRESENT, List.of()));
        }

        Diagnosis d = classify(changed);

        assertThat(d.actions()).extracting(RecommendedAction::command)
                .contains("quorum replace -i hosts.yaml --member etcd3 --with NEWHOST");
    }

    @Test
    void theClosedPeerPortOfAStoppedMemberIsNotANetworkProblem() {
        EtcdMember h2 = THREE.get(1);
        Map<String, HostReport> changed = new LinkedHashMap<>();
        changed.put("h2", report(h2, "inactive", Optional.empty(), Map.of(), DataDirState.PRESENT, List.of()));
        for (EtcdMember other : List.of(THREE.get(0), THREE.get(2))) {
            Map<String, Boolean> reach = reachAll(other);
            reach.put(h2.address(), false);
            changed.put(other.hostName(), report(other, "active", Optional.of(status("a" + other.hostName().charAt(1),
                    CLUSTER, "a1", 100)), reach, DataDirState.PRESENT, List.of()));
        }
        Diagnosis d = classify(changed);

        assertThat(d.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(d.member("h1").orElseThrow().problems()).isEmpty();
        assertThat(d.member("h3").orElseThrow().problems()).isEmpty();
        assertThat(d.member("h2").orElseThrow().problems()).extracting(Problem::kind)
                .containsExactly(ProblemKind.NOT_RUNNING);
        assertThat(d.sentence()).startsWith("etcd is not running on h2;").doesNotContain("cannot reach")
                .doesNotContain("network");
        assertThat(d.actions()).noneMatch(a -> a.title().contains("network"));
    }

    @Test
    void aMemberWhoseServiceStateCouldNotBeReadStillCountsAsUnreachableForItsPeers() {
        EtcdMember h2 = THREE.get(1);
        Map<String, HostReport> changed = new LinkedHashMap<>();
        changed.put("h2", report(h2, "unknown", Optional.empty(), Map.of(), DataDirState.PRESENT, List.of()));
        Map<String, Boolean> reach = reachAll(THREE.get(0));
        reach.put(h2.address(), false);
        changed.put("h1", report(THREE.get(0), "active", Optional.of(status("a1", CLUSTER, "a1", 100)), reach,
                DataDirState.PRESENT, List.of()));
        Diagnosis d = classify(changed);

        assertThat(d.member("h1").orElseThrow().problems()).extracting(Problem::kind)
                .containsExactly(ProblemKind.PEER_UNREACHABLE);
    }

    @Test
    void aMemberWhosePeersAreAllStoppedIsNotCalledCutOff() {
        Map<String, HostReport> changed = new LinkedHashMap<>();
        for (EtcdMember stopped : THREE.subList(1, 3)) {
            changed.put(stopped.hostName(), report(stopped, "inactive", Optional.empty(), Map.of(),
                    DataDirState.PRESENT, List.of()));
        }
        changed.put("h1", report(THREE.get(0), "active", Optional.of(status("a1", CLUSTER, "0", 100)),
                Map.of("10.0.0.2", false, "10.0.0.3", false), DataDirState.PRESENT, List.of()));
        Diagnosis d = classify(changed);

        assertThat(d.verdict()).isEqualTo(Verdict.QUORUM_LOST);
        assertThat(d.member("h1").orElseThrow().problems()).extracting(Problem::kind)
                .doesNotContain(ProblemKind.ISOLATED, ProblemKind.PEER_UNREACHABLE);
        assertThat(d.sentence()).contains("(h1: no-leader, h2: not-running, h3: not-running)");
    }

    @Test
    void lagAndAlarmsAreReported() {
        List<HostReport> reports = new ArrayList<>();
        HostReport behind = report(THREE.get(1), "active", Optional.of(status("a2", CLUSTER, "a1", 100 - 5000)),
                reachAll(THREE.get(1)), DataDirState.PRESENT, List.of());
        HostReport leader = new HostReport("h1", "10.0.0.1", "", "active", Optional.of(status("a1", CLUSTER, "a1", 100)),
                "", LIST, List.of("a1 NOSPACE"), reachAll(THREE.get(0)), DataDirState.PRESENT, List.of(),
                NOTHING_LEFT);
        reports.add(behind);
        reports.add(leader);
        Diagnosis d = classify(Map.of("h2", behind, "h1", leader));

        assertThat(d.member("h2").orElseThrow().lag()).contains(5000L);
        assertThat(d.member("h2").orElseThrow().problems()).extracting(Problem::kind).containsExactly(ProblemKind.LAGGING);
        assertThat(d.member("h1").orElseThrow().problems()).extracting(Problem::text).containsExactly("alarm NOSPACE");
        assertThat(d.actions()).extracting(RecommendedAction::command).anyMatch(c -> c.contains("alarm disarm"));
    }

    @Test
    void aHostTheClusterRemovedButStillRunsIsRemoved() {
        EtcdMember h3 = THREE.get(2);
        List<ListedMember> withoutH3 = LIST.subList(0, 2);
        Map<String, HostReport> changed = new LinkedHashMap<>();
        for (EtcdMember m : THREE.subList(0, 2)) {
            changed.put(m.hostName(), new HostReport(m.hostName(), m.address(), "", "active",
                    Optional.of(status("a" + m.hostName().charAt(1), CLUSTER, "a1", 100)), "", withoutH3, List.of(),
                    reachAll(m), DataDirState.PRESENT, List.of(), NOTHING_LEFT));
        }
        changed.put("h3", report(h3, "activating", Optional.empty(), reachAll(h3), DataDirState.PRESENT,
                List.of("etcdserver: the member has been permanently removed from the cluster")));

        Diagnosis d = classify(changed);

        assertThat(d.member("h3").orElseThrow().problems()).extracting(Problem::kind)
                .containsExactly(ProblemKind.REMOVED);
        assertThat(d.verdict()).isEqualTo(Verdict.DEGRADED);
        // the inventory still names it: recover re-seeds it first; retiring its host is the other way, named by its host:
        // a member elsewhere may have been given its name since
        assertThat(d.actions()).extracting(RecommendedAction::intent)
                .containsExactly(new Intent.Recover(), new Intent.Remove(h3.hostName()));
        assertThat(d.actions().get(1).command()).isEqualTo("quorum remove -i hosts.yaml --member " + h3.hostName());
        assertThat(d.actions().get(1).title()).startsWith("If h3 was removed on purpose: remove it again");
    }

    @Test
    void aHostQuorumRetiredIsNotReseededButTakenOutOfTheInventory() {
        EtcdMember h3 = THREE.get(2);
        List<ListedMember> withoutH3 = LIST.subList(0, 2);
        Map<String, HostReport> changed = new LinkedHashMap<>();
        for (EtcdMember m : THREE.subList(0, 2)) {
            changed.put(m.hostName(), new HostReport(m.hostName(), m.address(), "", "active",
                    Optional.of(status("a" + m.hostName().charAt(1), CLUSTER, "a1", 100)), "", withoutH3, List.of(),
                    reachAll(m), DataDirState.PRESENT, List.of(), NOTHING_LEFT));
        }
        // what a removal leaves: etcd stopped, the data dir moved aside, etcd's last words in the log
        changed.put("h3", report(h3, "inactive", Optional.empty(), reachAll(h3), DataDirState.MISSING,
                List.of("etcdserver: the member has been permanently removed from the cluster")));

        Diagnosis d = classify(changed);

        Problem problem = d.member("h3").orElseThrow().problems().get(0);
        assertThat(problem.kind()).isEqualTo(ProblemKind.NOT_A_MEMBER);
        assertThat(problem.text()).contains("take it out of the inventory's etcd group");
        assertThat(d.member("h3").orElseThrow().needs(ProblemKind.Remedy.RESEED)).as("recover leaves it alone").isFalse();
    }

    @Test
    void aLearnerLeftByAnInterruptedJoinIsFinishedByAdd() {
        LocalStatus learner = new LocalStatus("a3", CLUSTER, "a1", 2, 100, 20480, "3.4.23", true, List.of());
        HostReport h3 = report(THREE.get(2), "active", Optional.of(learner), reachAll(THREE.get(2)),
                DataDirState.PRESENT, List.of());
        Diagnosis d = classify(Map.of("h3", h3));

        assertThat(d.member("h3").orElseThrow().problems()).extracting(Problem::kind)
                .containsExactly(ProblemKind.LEARNER);
        assertThat(d.actions()).extracting(RecommendedAction::command).contains("quorum add -i hosts.yaml --host h3");
    }
}
