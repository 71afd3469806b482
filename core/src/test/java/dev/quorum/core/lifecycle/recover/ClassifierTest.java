package dev.quorum.core.lifecycle.recover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.intent.Intent;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.inventory.InventoryHost;
import dev.quorum.core.remote.SshTarget;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The classification rules on hand-made host reports: pure logic, no hosts. */
class ClassifierTest {
    private static final String CLUSTER = "c1";
    private static final EtcdSettings SETTINGS = new EtcdSettings("v3.5.21", URI.create("file:///tmp/etcd.tgz"),
            Optional.empty(), "/var/lib/etcd", "/etc/ssl/etcd/ssl", "/usr/local/bin", 250, 5000, List.of(), List.of(),
            "k8s_etcd", "amd64");
    private static final List<EtcdMember> THREE = List.of(member("h1", "10.0.0.1", "etcd1"),
            member("h2", "10.0.0.2", "etcd2"), member("h3", "10.0.0.3", "etcd3"));
    private static final List<ListedMember> LIST = THREE.stream()
            .map(m -> new ListedMember("a" + m.hostName().charAt(1), m.memberName(), List.of(m.peerUrl()), false))
            .toList();
    private static final RestoreLeftover NOTHING_LEFT = new RestoreLeftover(RestoreLeftover.DropIn.ABSENT,
            RestoreLeftover.Marker.NONE);

    private static EtcdMember member(String host, String address, String name) {
        return new EtcdMember(new InventoryHost(host, address, new SshTarget(address, 22, "root", Optional.empty()),
                Map.of()), name);
    }

    /** A host whose member runs with leader a1, reaching every peer. */
    private static HostReport healthy(EtcdMember m) {
        String id = "a" + m.hostName().charAt(1);
        return report(m, "active", Optional.of(status(id, CLUSTER, "a1", 100)), reachAll(m), DataDirState.PRESENT,
                List.of());
    }

    private static LocalStatus status(String id, String cluster, String leader, long index) {
        return new LocalStatus(id, cluster, leader, 2, index, 20480, "3.4.23", false, List.of());
    }

    private static Map<String, Boolean> reachAll(EtcdMember self) {
        Map<String, Boolean> reach = new LinkedHashMap<>();
        THREE.stream().filter(o -> o != self).forEach(o -> reach.put(o.address(), true));
        return reach;
    }

    private static HostReport report(EtcdMember m, String service, Optional<LocalStatus> status,
                                     Map<String, Boolean> reach, DataDirState data, List<String> log) {
        return new HostReport(m.hostName(), m.address(), "", service, status, status.isPresent() ? "" : "refused",
                status.isPresent() ? LIST : List.of(), List.of(), reach, data, log, NOTHING_LEFT);
    }

    private static Diagnosis classify(Map<String, HostReport> changed) {
        Map<String, HostReport> reports = new LinkedHashMap<>();
        THREE.forEach(m -> reports.put(m.hostName(), changed.getOrDefault(m.hostName(), healthy(m))));
        return Classifier.classify(THREE, reports, "hosts.yaml", SETTINGS, Instant.EPOCH);
    }

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
    void anActiveMemberWhoseProcessIsStoppedIsFrozenAndRecoverRestartsIt() {
        HostReport silent = report(THREE.get(2), "active", Optional.empty(), reachAll(THREE.get(2)),
                DataDirState.PRESENT, List.of());
        Diagnosis d = classify(Map.of("h3", withProcess(silent, ProcessState.STOPPED)));

        assertThat(d.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(d.member("h3").orElseThrow().problems()).extracting(Problem::kind).containsExactly(ProblemKind.FROZEN);
        assertThat(d.sentence()).contains("etcd on h3 is stopped and answers nobody")
                .endsWith("quorum recover restarts etcd on h3");
        assertThat(d.actions()).first().satisfies(a -> {
            assertThat(a.intent()).isEqualTo(new Intent.Recover());
            assertThat(a.title()).isEqualTo("Recover h3: restart the stopped etcd on h3 and wait until it rejoins");
        });
    }

    @Test
    void anActiveMemberThatDoesNotAnswerIsNotRestartedWithoutItsHostsWordThatItIsStopped() {
        HostReport silent = report(THREE.get(2), "active", Optional.empty(), reachAll(THREE.get(2)),
                DataDirState.PRESENT, List.of());
        for (ProcessState state : List.of(ProcessState.RUNNING, ProcessState.UNKNOWN, ProcessState.DISK_WAIT)) {
            MemberDiagnosis h3 = classify(Map.of("h3", withProcess(silent, state))).member("h3").orElseThrow();
            assertThat(h3.problems()).as(state.name()).extracting(Problem::kind).containsExactly(ProblemKind.NOT_RUNNING);
            assertThat(h3.needs(ProblemKind.Remedy.RESTART)).isFalse();
        }
        assertThat(classify(Map.of("h3", withProcess(silent, ProcessState.DISK_WAIT))).member("h3").orElseThrow()
                .problems().get(0).text()).endsWith("its process was waiting for the disk (state D): look at the disk "
                + "under its data dir");
    }

    /** {@code h} with what its host says of etcd's process, unit file, certificates and data disk replaced. */
    private static HostReport withHostSide(HostReport h, ProcessState process, String unitFileState,
                                           List<ExpiredCertificate> expired, java.util.OptionalLong freeKib) {
        return new HostReport(h.host(), h.address(), "", h.serviceState(), h.status(), h.statusError(), h.memberList(),
                h.alarms(), h.peerReach(), h.dataDir(), h.logTail(), h.restoreLeftover(), process, unitFileState,
                expired, freeKib);
    }

    private static HostReport withProcess(HostReport h, ProcessState process) {
        return withHostSide(h, process, h.unitFileState(), h.expired(), h.dataDirFreeKib());
    }

    @Test
    void aCrashLoopingMemberWithARaftLogPanicLostItsData() {
        HostReport broken = report(THREE.get(2), "activating", Optional.empty(), reachAll(THREE.get(2)),
                DataDirState.PRESENT, List.of("panic: tocommit(57) is out of range [lastIndex(0)]. Was the raft log "
                        + "corrupted, truncated, or lost?"));
        Diagnosis d = classify(Map.of("h3", broken));

        assertThat(d.verdict()).isEqualTo(Verdict.DEGRADED);
        MemberDiagnosis h3 = d.member("h3").orElseThrow();
        assertThat(h3.problems()).extracting(Problem::kind).containsExactly(ProblemKind.DATA_LOST);
        assertThat(d.sentence()).contains("h3 lost its data").endsWith("quorum recover re-seeds h3");
    }

    @Test
    void aMemberHoldingAnotherClustersDataIsFlagged() {
        HostReport other = report(THREE.get(2), "active", Optional.of(status("zz", "c2", "zz", 5)),
                reachAll(THREE.get(2)), DataDirState.PRESENT, List.of());
        Diagnosis d = classify(Map.of("h3", other));

        assertThat(d.member("h3").orElseThrow().problems()).extracting(Problem::kind).contains(ProblemKind.WRONG_CLUSTER);
        assertThat(d.member("h3").orElseThrow().leader()).isFalse();
        assertThat(d.leader().orElseThrow().host()).isEqualTo("h1");
    }

    @Test
    void aStoppedMemberWithIntactDataIsStartedNotReseeded() {
        HostReport stopped = report(THREE.get(1), "inactive", Optional.empty(), Map.of(), DataDirState.PRESENT, List.of());
        Diagnosis d = classify(Map.of("h2", stopped));

        MemberDiagnosis h2 = d.member("h2").orElseThrow();
        assertThat(h2.problems()).extracting(Problem::kind).containsExactly(ProblemKind.NOT_RUNNING);
        assertThat(h2.needs(ProblemKind.Remedy.START)).isTrue();
        assertThat(d.sentence()).endsWith("quorum recover starts etcd on h2");
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
    void quorumLostOnlyBecauseMembersAreStoppedIsBroughtBackByRecoverBeforeAnyRestore() {
        Map<String, HostReport> changed = new LinkedHashMap<>();
        changed.put("h1", report(THREE.get(0), "active", Optional.of(status("a1", CLUSTER, "0", 100)),
                Map.of("10.0.0.2", false, "10.0.0.3", true), DataDirState.PRESENT, List.of()));
        changed.put("h2", report(THREE.get(1), "failed", Optional.empty(), Map.of(), DataDirState.PRESENT, List.of()));
        changed.put("h3", withProcess(report(THREE.get(2), "active", Optional.empty(), reachAll(THREE.get(2)),
                DataDirState.PRESENT, List.of()), ProcessState.STOPPED));

        Diagnosis d = classify(changed);

        assertThat(d.verdict()).isEqualTo(Verdict.QUORUM_LOST);
        assertThat(d.sentence()).isEqualTo("quorum is lost: 3 of 3 members are down or cut off (h1: no-leader, "
                + "h2: not-running, h3: frozen); etcd is only stopped on h2 and h3, data intact: quorum recover starts "
                + "etcd on h2 and restarts it on h3, and quorum returns with every write");
        assertThat(d.quorumReturn()).contains(new QuorumReturn(List.of("h2"), List.of("h3"), true));
        assertThat(d.actions()).first().satisfies(a -> {
            assertThat(a.intent()).isEqualTo(new Intent.Recover());
            assertThat(a.title()).isEqualTo("Bring quorum back: start etcd on h2 and restart it on h3 (data intact, "
                    + "nothing is lost)");
        });
        assertThat(d.actions()).extracting(RecommendedAction::command).as("a restore stays the way for members gone")
                .contains("quorum restore -i hosts.yaml --snapshot FILE");
    }

    private static HostReport withUnitFile(HostReport h, String unitFileState) {
        return withHostSide(h, h.process(), unitFileState, h.expired(), h.dataDirFreeKib());
    }

    @Test
    void aStoppedMemberWhoseUnitIsDisabledIsLeftToTheOperatorNotStarted() {
        for (String word : List.of("disabled", "masked")) {
            HostReport stopped = report(THREE.get(2), "inactive", Optional.empty(), Map.of(), DataDirState.PRESENT,
                    List.of());
            Diagnosis d = classify(Map.of("h3", withUnitFile(stopped, word)));

            MemberDiagnosis h3 = d.member("h3").orElseThrow();
            assertThat(h3.problems()).as(word).extracting(Problem::kind).containsExactly(ProblemKind.DISABLED);
            assertThat(h3.problems().get(0).text()).isEqualTo("etcd is not running (service inactive) and its unit is "
                    + word + ": taken out of service, perhaps on purpose, so recover does not start it");
            assertThat(h3.takenOutOfService()).isTrue();
            assertThat(d.verdict()).isEqualTo(Verdict.DEGRADED);
            assertThat(d.sentence()).startsWith("etcd is stopped and taken out of service on h3 (its unit disabled or "
                    + "masked): recover leaves it stopped; the cluster still has quorum").doesNotContain("starts");
            assertThat(d.actions()).extracting(RecommendedAction::intent).doesNotContain(new Intent.Recover())
                    .first().isEqualTo(new Intent.Manual("systemctl enable etcd   # on h3"));
            assertThat(d.actions().get(0).title()).isEqualTo("If etcd on h3 was not taken out of service on purpose: "
                    + "enable it there (unmask it if masked), then run recover, which starts it");
        }
        HostReport enabled = withUnitFile(report(THREE.get(2), "inactive", Optional.empty(), Map.of(),
                DataDirState.PRESENT, List.of()), "enabled");
        assertThat(classify(Map.of("h3", enabled)).member("h3").orElseThrow().problems()).extracting(Problem::kind)
                .containsExactly(ProblemKind.NOT_RUNNING);
    }

    @Test
    void withQuorumLostOnlyTheStoppedMembersStillEnabledAreCountedToBringItBack() {
        Map<String, HostReport> changed = new LinkedHashMap<>();
        changed.put("h1", report(THREE.get(0), "active", Optional.of(status("a1", CLUSTER, "0", 100)),
                reachAll(THREE.get(0)), DataDirState.PRESENT, List.of()));
        changed.put("h2", report(THREE.get(1), "failed", Optional.empty(), Map.of(), DataDirState.PRESENT, List.of()));
        changed.put("h3", withUnitFile(report(THREE.get(2), "inactive", Optional.empty(), Map.of(),
                DataDirState.PRESENT, List.of()), "disabled"));

        Diagnosis d = classify(changed);

        assertThat(d.verdict()).isEqualTo(Verdict.QUORUM_LOST);
        assertThat(d.quorumReturn()).contains(new QuorumReturn(List.of("h2"), List.of(), false));
        assertThat(d.sentence()).contains("h3: disabled").contains("quorum recover starts etcd on h2");

        changed.put("h2", withUnitFile(changed.get("h2"), "disabled"));
        Diagnosis both = classify(changed);

        assertThat(both.quorumReturn()).as("nothing recover may start makes a majority").isEmpty();
        assertThat(both.actions()).extracting(RecommendedAction::command).contains("systemctl enable etcd   # on h2",
                "systemctl enable etcd   # on h3", "quorum restore -i hosts.yaml --snapshot FILE");
        assertThat(both.actions()).extracting(RecommendedAction::intent).doesNotContain(new Intent.Recover());
    }

    private static HostReport withExpired(HostReport h, String host) {
        return withHostSide(h, h.process(), h.unitFileState(), List.of(new ExpiredCertificate(
                "/etc/ssl/etcd/ssl/member-" + host + ".pem", "Nov 30 09:43:35 2026 GMT", false)), h.dataDirFreeKib());
    }

    private static HostReport withExpiredCa(HostReport h, String host) {
        return withHostSide(h, h.process(), h.unitFileState(), List.of(new ExpiredCertificate(
                "/etc/ssl/etcd/ssl/member-" + host + ".pem", "Nov 30 09:43:35 2026 GMT", false),
                new ExpiredCertificate("/etc/ssl/etcd/ssl/ca.pem", "Nov 30 09:40:00 2026 GMT", true)), h.dataDirFreeKib());
    }

    @Test
    void quorumLostToAnExpiredCaPointsToItsReplacementNotARenewalNorARestore() {
        Map<String, HostReport> changed = new LinkedHashMap<>();
        for (EtcdMember m : THREE) {
            String id = "a" + m.hostName().charAt(1);
            changed.put(m.hostName(), withExpiredCa(report(m, "active", Optional.of(status(id, CLUSTER, "0", 100)),
                    reachAll(m), DataDirState.PRESENT, List.of()), m.hostName()));
        }

        Diagnosis d = classify(changed);

        assertThat(d.verdict()).isEqualTo(Verdict.QUORUM_LOST);
        assertThat(d.member("h1").orElseThrow().problems()).extracting(Problem::kind)
                .startsWith(ProblemKind.CA_EXPIRED, ProblemKind.CERT_EXPIRED);
        assertThat(d.member("h1").orElseThrow().problems().get(0).text())
                .isEqualTo("CA expired: /etc/ssl/etcd/ssl/ca.pem (expired Nov 30 09:40:00 2026 GMT)");
        assertThat(d.quorumReturn()).isEmpty();
        assertThat(d.sentence()).endsWith("the CA expired on h1, h2 and h3: quorum certs rotate-ca replaces it on "
                + "every member at once, and quorum returns with every write");
        assertThat(d.actions()).first().satisfies(a -> {
            assertThat(a.intent()).isEqualTo(new Intent.RotateCa());
            assertThat(a.command()).isEqualTo("quorum certs rotate-ca -i hosts.yaml");
        });
        assertThat(d.actions()).extracting(RecommendedAction::intent).as("a renewal signs with the expired CA")
                .doesNotContain(new Intent.RenewCertificates(), new Intent.Recover());
        assertThatThrownBy(() -> QuorumGuardStep.requireQuorum(d, "hosts.yaml")).as("recover refuses, pointing there")
                .isInstanceOfSatisfying(RecoveryException.class, e -> assertThat(e.hint())
                        .startsWith("nothing was changed").endsWith(": quorum certs rotate-ca -i hosts.yaml"));
    }

    @Test
    void stoppedMembersWhoseCaExpiredAreNotCountedToBringQuorumBack() {
        Map<String, HostReport> changed = new LinkedHashMap<>();
        for (EtcdMember m : THREE) {
            changed.put(m.hostName(), withExpiredCa(report(m, "inactive", Optional.empty(), Map.of(),
                    DataDirState.PRESENT, List.of()), m.hostName()));
        }

        Diagnosis d = classify(changed);

        assertThat(d.quorumReturn()).as("a start cannot help while every peer refuses every other").isEmpty();
        assertThat(d.actions()).extracting(RecommendedAction::intent).first().isEqualTo(new Intent.RotateCa());
        assertThat(d.actions()).extracting(RecommendedAction::intent).doesNotContain(new Intent.Recover());
    }

    @Test
    void quorumLostToExpiredCertificatesPointsToARenewalNotARestore() {
        Map<String, HostReport> changed = new LinkedHashMap<>();
        for (EtcdMember m : THREE) {
            String id = "a" + m.hostName().charAt(1);
            changed.put(m.hostName(), withExpired(report(m, "active", Optional.of(status(id, CLUSTER, "0", 100)),
                    reachAll(m), DataDirState.PRESENT, List.of()), m.hostName()));
        }

        Diagnosis d = classify(changed);

        assertThat(d.verdict()).isEqualTo(Verdict.QUORUM_LOST);
        assertThat(d.member("h1").orElseThrow().problems()).extracting(Problem::kind)
                .startsWith(ProblemKind.CERT_EXPIRED);
        assertThat(d.member("h1").orElseThrow().problems().get(0).text()).isEqualTo("certificate expired: "
                + "/etc/ssl/etcd/ssl/member-h1.pem (expired Nov 30 09:43:35 2026 GMT)");
        assertThat(d.quorumReturn()).isEmpty();
        assertThat(d.sentence()).endsWith("certificates expired on h1, h2 and h3: quorum certs renew re-issues them, "
                + "and quorum returns with every write");
        assertThat(d.actions()).first().satisfies(a -> {
            assertThat(a.intent()).isEqualTo(new Intent.RenewCertificates());
            assertThat(a.command()).isEqualTo("quorum certs renew -i hosts.yaml");
        });
        assertThatThrownBy(() -> QuorumGuardStep.requireQuorum(d, "hosts.yaml")).as("recover refuses, pointing there")
                .isInstanceOfSatisfying(RecoveryException.class, e -> assertThat(e.hint())
                        .startsWith("nothing was changed").endsWith(": quorum certs renew -i hosts.yaml"));
    }

    @Test
    void stoppedMembersWhoseCertificatesExpiredAreNotCountedToBringQuorumBack() {
        Map<String, HostReport> changed = new LinkedHashMap<>();
        for (EtcdMember m : THREE) {
            changed.put(m.hostName(), withExpired(report(m, "inactive", Optional.empty(), Map.of(),
                    DataDirState.PRESENT, List.of()), m.hostName()));
        }

        Diagnosis d = classify(changed);

        assertThat(d.verdict()).isEqualTo(Verdict.QUORUM_LOST);
        assertThat(d.quorumReturn()).as("a start cannot help while their peers refuse them").isEmpty();
        assertThat(d.actions()).extracting(RecommendedAction::intent).first().isEqualTo(new Intent.RenewCertificates());
        assertThat(d.actions()).extracting(RecommendedAction::intent).doesNotContain(new Intent.Recover());
    }

    @Test
    void aServingMemberWhoseCertificateExpiredIsDegradedWithARenewalFirst() {
        Diagnosis d = classify(Map.of("h3", withExpired(healthy(THREE.get(2)), "h3")));

        assertThat(d.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(d.sentence()).isEqualTo("h3's certificate expired: /etc/ssl/etcd/ssl/member-h3.pem (expired Nov 30 "
                + "09:43:35 2026 GMT); the cluster still has quorum (tolerates 1 more failure); certificates expired "
                + "on h3: quorum certs renew re-issues them");
        assertThat(d.actions()).extracting(RecommendedAction::intent).containsExactly(new Intent.RenewCertificates());
    }

    private static HostReport withFree(HostReport h, long kib) {
        return withHostSide(h, h.process(), h.unitFileState(), h.expired(), java.util.OptionalLong.of(kib));
    }

    @Test
    void aMemberWhoseDataDiskIsFullIsLeftForTheOperatorToFreeSpaceNotStarted() {
        HostReport full = withFree(report(THREE.get(2), "failed", Optional.empty(), Map.of(), DataDirState.PRESENT,
                List.of()), 512);

        Diagnosis d = classify(Map.of("h3", full));

        MemberDiagnosis h3 = d.member("h3").orElseThrow();
        assertThat(h3.problems()).extracting(Problem::kind).containsExactly(ProblemKind.DISK_FULL,
                ProblemKind.NOT_RUNNING);
        assertThat(h3.needsTheOperatorFirst()).isTrue();
        assertThat(d.sentence()).isEqualTo("h3: the disk under /var/lib/etcd is full: 0 MiB free, and etcd needs 64 MiB "
                + "for its next WAL file; the cluster still has quorum (tolerates 0 more failures); the disk under "
                + "/var/lib/etcd is full on h3: once space is freed there, quorum recover starts etcd");
        assertThat(d.actions()).extracting(RecommendedAction::intent).containsExactly(
                new Intent.Manual("df -h /var/lib/etcd; du -sh /var/lib/etcd*   # on h3"));
    }

    @Test
    void etcdsOwnWordThatItRanOutOfSpaceCountsWhenDfCouldNotBeRead() {
        HostReport crashing = report(THREE.get(2), "activating", Optional.empty(), Map.of(), DataDirState.PRESENT,
                List.of("panic: write /var/lib/etcd/member/wal/0.tmp: no space left on device"));

        MemberDiagnosis h3 = classify(Map.of("h3", crashing)).member("h3").orElseThrow();

        assertThat(h3.problems().get(0).kind()).isEqualTo(ProblemKind.DISK_FULL);
        assertThat(h3.problems().get(0).text()).isEqualTo("the disk under /var/lib/etcd ran full; etcd's log: panic: "
                + "write /var/lib/etcd/member/wal/0.tmp: no space left on device");
        assertThat(classify(Map.of("h3", withFree(healthy(THREE.get(2)), 10 * 1024))).member("h3").orElseThrow()
                .problems()).as("a serving member about to run out").extracting(Problem::kind)
                .containsExactly(ProblemKind.DISK_FULL);
        assertThat(classify(Map.of("h3", withFree(healthy(THREE.get(2)), 65 * 1024))).verdict())
                .isEqualTo(Verdict.HEALTHY);
    }

    @Test
    void quorumLostToFullDisksIsNotBroughtBackByStartsNorSentToARestoreFirst() {
        Map<String, HostReport> changed = new LinkedHashMap<>();
        for (EtcdMember m : THREE.subList(1, 3)) {
            changed.put(m.hostName(), withFree(report(m, "failed", Optional.empty(), Map.of(), DataDirState.PRESENT,
                    List.of()), 0));
        }

        Diagnosis d = classify(changed);

        assertThat(d.verdict()).isEqualTo(Verdict.QUORUM_LOST);
        assertThat(d.quorumReturn()).isEmpty();
        assertThat(d.sentence()).endsWith("the disk under /var/lib/etcd is full on h2 and h3: once space is freed "
                + "there, quorum recover starts etcd, and quorum returns with every write");
        assertThat(d.actions()).extracting(RecommendedAction::intent).startsWith(
                new Intent.Manual("df -h /var/lib/etcd; du -sh /var/lib/etcd*   # on h2"),
                new Intent.Manual("df -h /var/lib/etcd; du -sh /var/lib/etcd*   # on h3"));
        assertThatThrownBy(() -> QuorumGuardStep.requireQuorum(d, "hosts.yaml")).as("recover refuses, pointing there")
                .isInstanceOfSatisfying(RecoveryException.class, e -> assertThat(e.hint()).startsWith("nothing was "
                        + "changed").endsWith(": df -h /var/lib/etcd; du -sh /var/lib/etcd*   # on h2"));
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

    private static HostReport withLeftover(EtcdMember m, RestoreLeftover.DropIn dropIn, RestoreLeftover.Marker marker) {
        HostReport h = healthy(m);
        return new HostReport(h.host(), h.address(), "", h.serviceState(), h.status(), "", h.memberList(), h.alarms(),
                h.peerReach(), h.dataDir(), h.logTail(), new RestoreLeftover(dropIn, marker));
    }

    @Test
    void aDropInLeftOnAServingMemberIsNamedAndRecoverRemovesIt() {
        Diagnosis d = classify(Map.of("h2", withLeftover(THREE.get(1), RestoreLeftover.DropIn.PRESENT,
                RestoreLeftover.Marker.NONE)));

        assertThat(d.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(d.hasQuorum()).isTrue();
        Problem problem = d.member("h2").orElseThrow().problems().get(0);
        assertThat(problem.kind()).isEqualTo(ProblemKind.RESTORE_DROP_IN);
        assertThat(problem.text()).contains("/run/systemd/system/etcd.service.d/quorum-restore.conf")
                .contains("skips etcd's initial corruption check");
        assertThat(d.sentence()).startsWith("h2 still has a restore's drop-in")
                .contains("the cluster still has quorum (tolerates 1 more failure)")
                .endsWith("quorum recover removes the restore's drop-in on h2");
        assertThat(d.actions().get(0).intent()).isEqualTo(new Intent.Recover());
        assertThat(d.actions().get(0).command()).isEqualTo("quorum recover -i hosts.yaml");
        assertThat(d.actions()).extracting(RecommendedAction::intent).doesNotContain(new Intent.RestoreFromSnapshot(List.of()));
    }

    @Test
    void aDropInOfAnUnfinishedRestoreIsFinishedByTheSameRestoreFirst() {
        Map<String, HostReport> changed = new LinkedHashMap<>();
        THREE.forEach(m -> changed.put(m.hostName(), withLeftover(m, RestoreLeftover.DropIn.PRESENT,
                RestoreLeftover.Marker.UNFINISHED)));

        Diagnosis d = classify(changed);

        assertThat(d.members()).allSatisfy(m -> assertThat(m.problems()).extracting(Problem::kind)
                .containsExactly(ProblemKind.RESTORE_DROP_IN));
        assertThat(d.member("h1").orElseThrow().problems().get(0).text()).contains("not marked completed");
        assertThat(d.actions()).extracting(RecommendedAction::intent)
                .containsExactly(new Intent.RestoreFromSnapshot(List.of()), new Intent.Recover());
        assertThat(d.actions().get(0).title()).contains("same restore command again").contains("h1, h2 and h3");
        assertThat(d.actions().get(0).command()).isEqualTo("quorum restore -i hosts.yaml --snapshot FILE");
        assertThat(d.actions().get(1).risk()).contains("unverified");
    }

    @Test
    void aDropInBesideAMemberToRecoverIsRemovedByTheSameRecover() {
        HostReport stopped = report(THREE.get(2), "failed", Optional.empty(), Map.of(), DataDirState.PRESENT, List.of());
        Diagnosis d = classify(Map.of("h3", stopped, "h2", withLeftover(THREE.get(1), RestoreLeftover.DropIn.PRESENT,
                RestoreLeftover.Marker.COMPLETED)));

        assertThat(d.actions()).filteredOn(a -> a.intent() instanceof Intent.Recover).hasSize(1)
                .allSatisfy(a -> assertThat(a.title()).contains("also removes the restore's drop-in on h2"));
        assertThat(d.member("h2").orElseThrow().problems().get(0).text()).contains("marked completed");
    }

    @Test
    void aDropInThatCouldNotBeReadIsUnknownNotAbsentAndNoProblem() {
        Diagnosis d = classify(Map.of("h2", withLeftover(THREE.get(1), RestoreLeftover.DropIn.UNKNOWN,
                RestoreLeftover.Marker.UNKNOWN)));

        assertThat(d.verdict()).isEqualTo(Verdict.HEALTHY);
        assertThat(d.member("h2").orElseThrow().restoreLeftover().dropIn()).isEqualTo(RestoreLeftover.DropIn.UNKNOWN);
        assertThat(d.member("h1").orElseThrow().restoreLeftover().dropIn()).isEqualTo(RestoreLeftover.DropIn.ABSENT);
    }
}
