package dev.quorum.core.lifecycle.recover;

import static dev.quorum.core.lifecycle.recover.ClassifierFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.intent.Intent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The classification of what an interrupted restore left on a host (decision 0054): pure logic, no hosts. */
class ClassifierRestoreLeftoversTest {
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
