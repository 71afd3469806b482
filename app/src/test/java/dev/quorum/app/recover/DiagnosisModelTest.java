package dev.quorum.app.recover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.core.lifecycle.recover.Diagnosis;
import dev.quorum.core.lifecycle.recover.MemberDiagnosis;
import dev.quorum.core.lifecycle.recover.Problem;
import dev.quorum.core.lifecycle.recover.QuorumEvidence;
import dev.quorum.core.lifecycle.recover.ProblemKind;
import dev.quorum.core.lifecycle.recover.RestoreLeftover;
import dev.quorum.core.intent.Intent;
import dev.quorum.core.lifecycle.recover.RecommendedAction;
import dev.quorum.core.lifecycle.recover.Verdict;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The diagnosis page's view model on hand-made diagnoses, on the calling thread. */
class DiagnosisModelTest {
    private final Deque<Object> answers = new ArrayDeque<>();
    private final DiagnosisModel model = new DiagnosisModel(new SynchronousTaskExecutor(), () -> {
        Object next = answers.pop();
        if (next instanceof RuntimeException e) {
            throw e;
        }
        return (Diagnosis) next;
    }, "inv/hosts.yaml");

    static MemberDiagnosis member(String host, String name, boolean leader, Problem... problems) {
        boolean isolated = List.of(problems).stream().anyMatch(p -> p.kind() == ProblemKind.ISOLATED);
        return new MemberDiagnosis(host, name, "198.19.77.1", true, Optional.of(true), Optional.of(!isolated),
                Optional.of(isolated), Optional.of(0L), leader, Optional.empty(), List.of(problems), List.of(),
                RestoreLeftover.UNKNOWN);
    }

    static MemberDiagnosis unreachable(String host, String name) {
        return new MemberDiagnosis(host, name, "198.19.77.3", false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty(),
                List.of(new Problem(ProblemKind.UNREACHABLE, "SSH does not answer")), List.of(),
                RestoreLeftover.UNKNOWN);
    }

    static Diagnosis cutOff() {
        return new Diagnosis(Instant.EPOCH, Verdict.DEGRADED, "lab3 is cut off from lab1 and lab2; the cluster "
                + "still has quorum (tolerates 0 more failures)",
                List.of(member("lab1", "etcd1", true), member("lab2", "etcd2", false),
                        member("lab3", "etcd3", false, new Problem(ProblemKind.ISOLATED,
                                "cannot open the peer port of lab1, lab2"))),
                Map.of("lab1", Map.of("lab2", true, "lab3", false), "lab2", Map.of("lab1", true, "lab3", false),
                        "lab3", Map.of("lab1", false, "lab2", false)),
                List.of(new RecommendedAction("Recover lab3: wait until it rejoins and confirm",
                                new Intent.Recover(), "", "inv/hosts.yaml"),
                        new RecommendedAction("Check the network between the members (routes, firewalls) on peer "
                                + "port 2380", new Intent.Diagnose(), "", "inv/hosts.yaml")),
                new QuorumEvidence(3, List.of("etcd1", "etcd2"), Map.of("etcd3", "lab3: cut off"), Map.of()));
    }

    static Diagnosis quorumLost() {
        return new Diagnosis(Instant.EPOCH, Verdict.QUORUM_LOST, "quorum is lost: 2 of 3 members are down",
                List.of(member("lab1", "etcd1", false, new Problem(ProblemKind.NO_LEADER, "no leader")),
                        member("lab2", "etcd2", false, new Problem(ProblemKind.ISOLATED, "cut off")),
                        unreachable("lab3", "etcd3")),
                Map.of("lab1", Map.of("lab2", false, "lab3", false), "lab2", Map.of("lab1", false, "lab3", false)),
                List.of(new RecommendedAction("Bring the missing members back", new Intent.Diagnose(),
                                "", "inv/hosts.yaml"),
                        new RecommendedAction("If they are gone for good: restore from a snapshot",
                                new Intent.RestoreFromSnapshot(List.of()),
                                "writes made after the snapshot are lost", "inv/hosts.yaml"),
                        new RecommendedAction("With no snapshot: restore from a surviving member's data",
                                new Intent.RestoreFromSurvivor(),
                                "the survivor may be behind", "inv/hosts.yaml")),
                new QuorumEvidence(3, List.of(), Map.of("etcd1", "lab1: no leader", "etcd2", "lab2: cut off"),
                        Map.of("etcd3", "lab3 could not be asked over SSH")));
    }

    static Diagnosis healthy() {
        return new Diagnosis(Instant.EPOCH, Verdict.HEALTHY, "healthy: all 2 members run with leader etcd1 (lab1) "
                + "and reach every peer", List.of(member("lab1", "etcd1", true), member("lab2", "etcd2", false)),
                Map.of("lab1", Map.of("lab2", true), "lab2", Map.of("lab1", true)),
                List.of(new RecommendedAction("Nothing to fix; keep a recent snapshot",
                        new Intent.SaveSnapshot(), "", "inv/hosts.yaml")),
                new QuorumEvidence(2, List.of("etcd1", "etcd2"), Map.of(), Map.of()));
    }

    private MatrixCell cell(String from, String to) {
        return model.cells().stream().filter(c -> c.from().equals(from) && c.to().equals(to)).findFirst()
                .orElseThrow();
    }

    @Test
    void beforeTheFirstDiagnosisNextWaitsAndSaysWhy() {
        assertThat(model.lookProperty().get()).isEqualTo(VerdictLook.UNKNOWN);
        assertThat(model.complete().get()).isFalse();
        assertThat(model.nextReason().get()).isEqualTo("Not diagnosed yet: Refresh.");
    }

    @Test
    void aCutOffFollowerShowsInTheMatrixRowByRowInTheMembersOrder() {
        answers.add(cutOff());
        model.refresh();

        assertThat(model.hosts()).containsExactly("lab1", "lab2", "lab3");
        assertThat(model.cells()).hasSize(9);
        assertThat(model.cells().get(0)).isEqualTo(new MatrixCell("lab1", "lab1", "", ""));
        assertThat(model.cells().get(1)).isEqualTo(cell("lab1", "lab2"));
        assertThat(cell("lab1", "lab2").text()).isEqualTo("yes");
        assertThat(cell("lab1", "lab2").icon()).isEqualTo("mdi2c-check");
        assertThat(cell("lab3", "lab1").text()).isEqualTo("NO");
        assertThat(cell("lab3", "lab1").icon()).isEqualTo("mdi2c-close-thick");
        assertThat(cell("lab3", "lab3").diagonal()).isTrue();
        assertThat(cell("lab3", "lab3").text()).isEmpty();
        assertThat(model.sentenceProperty().get()).startsWith("lab3 is cut off from lab1 and lab2").endsWith(".");
        assertThat(model.lookProperty().get()).isEqualTo(VerdictLook.DEGRADED);
        assertThat(VerdictLook.DEGRADED.word()).isEqualTo("Degraded");
        assertThat(VerdictLook.DEGRADED.icon()).isEqualTo("mdi2a-alert-outline");
        assertThat(model.members()).extracting(MemberRow::state).containsExactly("leader", "follower", "isolated");
        assertThat(model.members().get(2).line())
                .isEqualTo("lab3 (etcd3): isolated - cannot open the peer port of lab1, lab2");
        assertThat(model.complete().get()).as("degraded: recover may go on").isTrue();
        assertThat(model.nextReason().get()).isEmpty();
    }

    @Test
    void whenTooFewHostsAnsweredToTellNextStaysDisabledAndSaysWhoToReach() {
        answers.add(new Diagnosis(Instant.EPOCH, Verdict.UNKNOWN, "cannot tell whether the cluster has quorum",
                List.of(member("lab1", "etcd1", false, new Problem(ProblemKind.NO_LEADER, "no leader")),
                        unreachable("lab2", "etcd2"), unreachable("lab3", "etcd3")),
                Map.of("lab1", Map.of("lab2", false, "lab3", false)),
                List.of(new RecommendedAction("Reach the members that could not be asked",
                        new Intent.Diagnose(), "", "inv/hosts.yaml")),
                new QuorumEvidence(3, List.of(), Map.of("etcd1", "lab1: no leader"),
                        Map.of("etcd2", "lab2 could not be asked over SSH", "etcd3", "lab3 could not be asked over SSH"))));
        model.refresh();

        assertThat(model.lookProperty().get()).isEqualTo(VerdictLook.CANNOT_TELL);
        assertThat(VerdictLook.CANNOT_TELL.word()).isEqualTo("Cannot tell");
        assertThat(model.complete().get()).as("nothing acts on unknown").isFalse();
        assertThat(model.nextReason().get()).startsWith("Recovery acts only on what the members' own hosts report");
    }

    @Test
    void theRecommendedActionComesFirstAndTheOthersKeepTheirOrder() {
        answers.add(quorumLost());
        model.refresh();

        assertThat(model.recommendedProperty().get().kind()).isEqualTo(ActionRow.Kind.DIAGNOSE);
        assertThat(model.recommendedProperty().get().title()).isEqualTo("Bring the missing members back");
        assertThat(model.alternatives()).extracting(ActionRow::command).containsExactly(
                "quorum restore -i inv/hosts.yaml --snapshot FILE",
                "quorum restore -i inv/hosts.yaml --from-survivor HOST");
        assertThat(model.alternatives()).extracting(ActionRow::kind).containsOnly(ActionRow.Kind.COPY);
        assertThat(model.alternatives().get(0).riskText()).isEqualTo("Risk: writes made after the snapshot are lost");
    }

    @Test
    void quorumLostDisablesNextAndPointsToRestoreWithUnknownCellsForTheSilentHost() {
        answers.add(quorumLost());
        model.refresh();

        assertThat(model.lookProperty().get()).isEqualTo(VerdictLook.QUORUM_LOST);
        assertThat(VerdictLook.QUORUM_LOST.word()).isEqualTo("Quorum lost");
        assertThat(model.complete().get()).isFalse();
        assertThat(model.nextReason().get()).startsWith("Recovery needs quorum")
                .contains("quorum restore -i inv/hosts.yaml --snapshot FILE");
        assertThat(cell("lab3", "lab1").text()).as("lab3 did not answer").isEqualTo("?");
        assertThat(cell("lab3", "lab1").icon()).isEqualTo("mdi2h-help-circle-outline");
        assertThat(cell("lab1", "lab3").text()).isEqualTo("NO");
        assertThat(model.members().get(2).state()).isEqualTo("unreachable (SSH)");
    }

    static MemberDiagnosis stopped(String host, String name) {
        return new MemberDiagnosis(host, name, "198.19.77.2", true, Optional.of(false), Optional.of(false),
                Optional.empty(), Optional.empty(), false, Optional.empty(),
                List.of(new Problem(ProblemKind.NOT_RUNNING, "etcd is not running (service inactive)")), List.of(),
                RestoreLeftover.UNKNOWN);
    }

    @Test
    void quorumLostOnlyBecauseEtcdIsStoppedLetsRecoverGoOnToBringItBack() {
        answers.add(new Diagnosis(Instant.EPOCH, Verdict.QUORUM_LOST, "quorum is lost: 2 of 3 members are down",
                List.of(member("lab1", "etcd1", false, new Problem(ProblemKind.NO_LEADER, "has no leader")),
                        stopped("lab2", "etcd2"), stopped("lab3", "etcd3")), Map.of(),
                List.of(new RecommendedAction("Bring quorum back: start etcd on lab2 and lab3 (data intact, nothing "
                        + "is lost)", new Intent.Recover(), "", "inv/hosts.yaml")),
                new QuorumEvidence(3, List.of(), Map.of("etcd1", "lab1: has no leader", "etcd2", "lab2: stopped",
                        "etcd3", "lab3: stopped"), Map.of())));
        model.refresh();

        assertThat(model.lookProperty().get()).isEqualTo(VerdictLook.QUORUM_LOST);
        assertThat(model.nextReason().get()).isEmpty();
        assertThat(model.complete().get()).isTrue();
        assertThat(model.recommendedProperty().get().title()).startsWith("Bring quorum back");
    }

    @Test
    void healthyStillAllowsNextAndRefreshMovesOnWhenItHeals() {
        answers.add(quorumLost());
        answers.add(healthy());
        model.refresh();
        assertThat(model.complete().get()).isFalse();

        model.refresh();
        assertThat(model.lookProperty().get()).isEqualTo(VerdictLook.HEALTHY);
        assertThat(model.healthy().get()).isTrue();
        assertThat(model.complete().get()).isTrue();
        assertThat(model.hosts()).containsExactly("lab1", "lab2");
        assertThat(model.cells()).extracting(MatrixCell::text).containsExactly("", "yes", "yes", "");
        assertThat(model.alternatives()).isEmpty();
        assertThat(model.recommendedProperty().get().kind()).isEqualTo(ActionRow.Kind.COPY);
    }

    @Test
    void aFailedDiagnosisSaysWhyAndKeepsNextDisabled() {
        answers.add(new IllegalStateException("inventory inv/hosts.yaml does not exist"));
        model.refresh();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.complete().get()).isFalse();
        assertThat(model.nextReason().get())
                .isEqualTo("The diagnosis failed: inventory inv/hosts.yaml does not exist");
    }

    @Test
    void withTheAppsWizardsRestoreOpensItsWizardWithTheIntentItself() {
        List<Intent> opened = new java.util.ArrayList<>();
        DiagnosisModel withWizards = new DiagnosisModel(new SynchronousTaskExecutor(), () -> quorumLost(),
                "inv/hosts.yaml", new WizardOpener() {
                    @Override
                    public boolean opens(Intent intent) {
                        return intent instanceof Intent.RestoreFromSnapshot;
                    }

                    @Override
                    public void open(Intent intent) {
                        opened.add(intent);
                    }
                });
        withWizards.refresh();

        assertThat(withWizards.alternatives()).extracting(ActionRow::kind)
                .containsExactly(ActionRow.Kind.OPEN_WIZARD, ActionRow.Kind.COPY);
        withWizards.open(withWizards.alternatives().get(0));
        assertThat(opened).containsExactly(new Intent.RestoreFromSnapshot(List.of()));
        assertThat(withWizards.recommendedProperty().get().kind()).as("diagnose stays diagnose")
                .isEqualTo(ActionRow.Kind.DIAGNOSE);
    }

    @Test
    void aRestoresDropInShowsOnItsMemberAndRecoverGoesOnToRemoveIt() {
        String text = "a restore's drop-in is left (/run/systemd/system/etcd.service.d/quorum-restore.conf): the next "
                + "start of etcd here skips etcd's initial corruption check";
        answers.add(new Diagnosis(Instant.EPOCH, Verdict.DEGRADED, "lab2 still has a restore's drop-in: etcd's next "
                + "start there skips the initial corruption check; the cluster still has quorum (tolerates 0 more "
                + "failures); quorum recover removes the restore's drop-in on lab2",
                List.of(member("lab1", "etcd1", true), member("lab2", "etcd2", false,
                        new Problem(ProblemKind.RESTORE_DROP_IN, text))),
                Map.of("lab1", Map.of("lab2", true), "lab2", Map.of("lab1", true)),
                List.of(new RecommendedAction("Turn etcd's initial corruption check back on for later starts: recover "
                        + "removes the restore's drop-in on lab2", new Intent.Recover(), "", "inv/hosts.yaml")),
                new QuorumEvidence(2, List.of("etcd1", "etcd2"), Map.of(), Map.of())));
        model.refresh();

        assertThat(model.lookProperty().get()).isEqualTo(VerdictLook.DEGRADED);
        assertThat(model.members().get(1).line()).isEqualTo("lab2 (etcd2): follower - " + text);
        assertThat(model.recommendedProperty().get().kind()).isEqualTo(ActionRow.Kind.RECOVER);
        assertThat(model.recommendedProperty().get().command()).isEqualTo("quorum recover -i inv/hosts.yaml");
        assertThat(model.complete().get()).as("Next goes on to recover's plan").isTrue();
    }

    @Test
    void aMemberTakenOutOfServiceOffersTheCommandThatEnablesItToCopy() {
        String text = "etcd is not running (service inactive) and its unit is disabled: taken out of service, perhaps "
                + "on purpose, so recover does not start it";
        answers.add(new Diagnosis(Instant.EPOCH, Verdict.DEGRADED, "etcd is stopped and taken out of service on lab2 "
                + "(its unit disabled or masked): recover leaves it stopped; the cluster still has quorum (tolerates 0 "
                + "more failures)",
                List.of(member("lab1", "etcd1", true), new MemberDiagnosis("lab2", "etcd2", "198.19.77.2", true,
                        Optional.of(false), Optional.of(false), Optional.empty(), Optional.empty(), false,
                        Optional.empty(), List.of(new Problem(ProblemKind.DISABLED, text)), List.of(),
                        RestoreLeftover.UNKNOWN)),
                Map.of("lab1", Map.of("lab2", true), "lab2", Map.of("lab1", true)),
                List.of(new RecommendedAction("If etcd on lab2 was not taken out of service on purpose: enable it "
                        + "there (unmask it if masked), then run recover, which starts it",
                        new Intent.Manual("systemctl enable etcd   # on lab2"), "", "inv/hosts.yaml")),
                new QuorumEvidence(2, List.of("etcd1"), Map.of("etcd2", "lab2: " + text), Map.of())));
        model.refresh();

        assertThat(model.members().get(1).line()).endsWith(" - " + text);
        assertThat(model.recommendedProperty().get().kind()).isEqualTo(ActionRow.Kind.COPY);
        assertThat(model.recommendedProperty().get().command()).isEqualTo("systemctl enable etcd   # on lab2");
    }
}
