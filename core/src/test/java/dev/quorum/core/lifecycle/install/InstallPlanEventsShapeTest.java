package dev.quorum.core.lifecycle.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.LabelledStep;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.lifecycle.PlanShapes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Install with etcd_events_cluster_enabled: the main cluster, then the events cluster (decision 0038); no root. */
class InstallPlanEventsShapeTest {
    private static final String EVENTS_ON = "      vars:\n        etcd_events_cluster_enabled: true\n";

    @TempDir
    Path dir;

    @Test
    void theEventsClusterIsLaidOutStartedAndMarkedAfterTheMainOneAndBeforeTheKubernetesHosts() throws Exception {
        ClusterSession session = PlanShapes.offlineSession(dir, 3, 3, EVENTS_ON);

        Plan plan = InstallPlan.build(session);

        String all = "[node1, node2, node3]";
        assertThat(shape(plan)).containsExactly(
                "FetchReleaseStep [cluster]", "ClusterShapeStep [cluster]", "RunningReleaseStep [cluster]",
                "PreflightStep " + all,
                "BinariesStep " + all, "CertificatesStep " + all, "EnvFileStep " + all, "UnitFileStep " + all,
                "EtcdctlWrapperStep " + all, "EnableServiceStep " + all,
                "StartMembersStep [cluster]", "SystemTrustStep " + all, "RollingRestartStep [cluster]",
                "VerifyClusterStep [cluster]", "MarkExistingStep " + all,
                "events: FetchReleaseStep [cluster]", "events: ClusterShapeStep [cluster]",
                "events: RunningReleaseStep [cluster]", "events: PreflightStep " + all,
                "events: EnvFileStep " + all, "events: UnitFileStep " + all, "events: EnableServiceStep " + all,
                "events: StartMembersStep [cluster]", "events: RollingRestartStep [cluster]",
                "events: VerifyClusterStep [cluster]", "events: MarkExistingStep " + all);
        assertThat(plan.cluster()).isEqualTo(session.inventory().clusterName());
    }

    @Test
    void theEventsStepsSayWhichClusterAndActOnItsFilesAndService() throws Exception {
        ClusterSession session = PlanShapes.offlineSession(dir, 3, 3, EVENTS_ON);

        List<PlannedStep> events = InstallPlan.build(session).steps().stream()
                .filter(s -> s.step() instanceof LabelledStep).toList();

        assertThat(events).allSatisfy(s -> assertThat(s.step().title()).startsWith("events cluster: "));
        assertThat(events).extracting(s -> s.step().title())
                .contains("events cluster: Write /etc/etcd-events.env",
                        "events cluster: Write /etc/systemd/system/etcd-events.service",
                        "events cluster: Reload systemd and enable etcd-events",
                        "events cluster: Start etcd-events on all members together and wait for health");
        assertThat(events).flatExtracting(s -> s.step().preview(s.targets().get(0)))
                .anySatisfy(line -> assertThat(line).contains("systemctl enable etcd-events"))
                .anySatisfy(line -> assertThat(line).contains("cat /etc/etcd-events.env"))
                .noneSatisfy(line -> assertThat(line).contains("/etc/etcd.env"));
    }

    @Test
    void withoutTheVariableNoEventsStepIsPlanned() throws Exception {
        ClusterSession session = PlanShapes.offlineSession(dir, 3, 3);

        assertThat(shape(InstallPlan.build(session))).noneSatisfy(s -> assertThat(s).startsWith("events"));
    }

    private static List<String> shape(Plan plan) {
        return plan.steps().stream().map(s -> s.step() instanceof LabelledStep labelled
                ? "events: " + labelled.step().getClass().getSimpleName() + " " + s.targets()
                : s.step().getClass().getSimpleName() + " " + s.targets()).toList();
    }
}
