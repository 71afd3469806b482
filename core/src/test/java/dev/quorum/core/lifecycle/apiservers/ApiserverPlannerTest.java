package dev.quorum.core.lifecycle.apiservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.engine.PlannedStep;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plan shapes: one step per control plane with a manifest, in inventory order; the unreached last. */
class ApiserverPlannerTest {
    private static final ApiserverRequest REQUEST = new ApiserverRequest(List.of("https://10.0.0.1:2379",
            "https://10.0.0.4:2379"));
    private static final ControlPlaneAccess NO_ACCESS = host -> {
        throw new IllegalStateException("a plan is built without connecting");
    };

    private static ApiserverPlan plan(ControlPlaneObservation... observed) {
        return ApiserverPlanner.plan("lab", List.of(observed), REQUEST, NO_ACCESS, "quorum apiservers update -i hosts.yaml");
    }

    private static ControlPlaneObservation manifest(String host, String value) {
        return ControlPlaneObservation.manifest(host, EtcdServersFlag.read("    - --etcd-servers=" + value + "\n"));
    }

    @Test
    void eachControlPlaneIsItsOwnStepSoTheyRunOneAfterTheOther() {
        ApiserverPlan plan = plan(manifest("cp1", "https://10.0.0.1:2379"), manifest("cp2", "https://10.0.0.1:2379"));

        assertThat(plan.plan().steps()).extracting(PlannedStep::targets)
                .containsExactly(List.of("cp1"), List.of("cp2"));
        assertThat(plan.plan().steps()).allMatch(s -> s.step() instanceof UpdateEtcdServersStep);
        assertThat(plan.updated()).containsExactly("cp1", "cp2");
    }

    @Test
    void aControlPlaneAlreadyRightStillGetsItsStepWhoseCheckSaysOk() {
        ApiserverPlan plan = plan(manifest("cp1", "https://10.0.0.4:2379,https://10.0.0.1:2379"));

        assertThat(plan.plan().steps()).hasSize(1);
        assertThat(manifest("cp1", "https://10.0.0.4:2379,https://10.0.0.1:2379").matches(REQUEST.etcdServers()))
                .contains(true);
    }

    @Test
    void withoutAManifestTheHostIsNamedAndLeftAloneUnreachedComeLastAndFail() throws Exception {
        ApiserverPlan plan = plan(ControlPlaneObservation.unreachable("cp3", "connection refused"),
                ControlPlaneObservation.noManifest("cp2"), manifest("cp1", "https://10.0.0.9:2379"));

        assertThat(plan.plan().steps()).extracting(s -> s.step().getClass().getSimpleName())
                .containsExactly("UpdateEtcdServersStep", "NoApiserverManifestStep", "UnreachedControlPlaneStep");
        assertThat(plan.plan().steps().get(2).targets()).containsExactly("cp3");
        assertThat(plan.noManifest()).containsExactly("cp2");
        assertThat(plan.unreached()).containsEntry("cp3", "connection refused");
        assertThat(plan.plan().steps().get(2).step().preview("cp3")).anyMatch(l -> l.contains("connection refused"));
    }

    @Test
    void noControlPlaneNoSteps() {
        assertThat(plan().empty()).isTrue();
    }

    @Test
    void theRequestRefusesWhatWouldBreakTheFlag() {
        assertThatThrownBy(() -> new ApiserverRequest(List.of("https://a:2379,https://b:2379")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApiserverRequest(List.of("https://a:2379 --anonymous-auth=true")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApiserverRequest(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
