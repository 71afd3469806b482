package dev.quorum.core.lifecycle.recover;

import static dev.quorum.core.lifecycle.recover.ClassifierFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.intent.Intent;
import dev.quorum.core.inventory.EtcdMember;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The classification of what a member's own host says of it (its process, its unit, its data, its disk), and which stopped members recover brings back: pure logic, no hosts. */
class ClassifierHostStateTest {
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
}
