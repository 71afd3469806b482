package dev.quorum.core.lifecycle.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.lifecycle.PlanShapes;
import dev.quorum.core.lifecycle.steps.KubernetesHostsProbe;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shape of the install plan, built from the inventory alone: no host, no etcd, no root. The addresses are
 * loopback ones nothing listens on, so a builder that reached out would fail here, not send.
 */
class InstallPlanShapeTest {

    @TempDir
    Path dir;
    private ClusterSession session;

    @BeforeEach
    void threeMembers() throws Exception {
        session = PlanShapes.offlineSession(dir, 3, 3);
    }

    @Test
    void checksTheClusterFirstThenLaysOutEveryHostThenStartsAllAndMarksThemExistingLast() {
        Plan plan = InstallPlan.build(session);

        String all = "[node1, node2, node3]";
        assertThat(PlanShapes.shape(plan)).containsExactly(
                "FetchReleaseStep [cluster]", "ClusterShapeStep [cluster]", "RunningReleaseStep [cluster]",
                "PreflightStep " + all,
                "BinariesStep " + all, "CertificatesStep " + all, "EnvFileStep " + all, "UnitFileStep " + all,
                "EtcdctlWrapperStep " + all, "EnableServiceStep " + all,
                "StartMembersStep [cluster]", "SystemTrustStep " + all, "RollingRestartStep [cluster]",
                "VerifyClusterStep [cluster]", "MarkExistingStep " + all);
        assertThat(plan.lifecycle()).isEqualTo("install");
    }

    @Test
    void eachHostsCertificatesAndFilesAreWrittenAlongsideTheBinariesAndAllAreDoneBeforeSystemdIsReloaded() {
        Plan plan = InstallPlan.build(session);

        List<String> alongside = plan.steps().stream().filter(p -> p.withPrevious())
                .map(p -> p.step().getClass().getSimpleName()).toList();
        assertThat(alongside).containsExactly("ClusterShapeStep", "RunningReleaseStep", "PreflightStep",
                "CertificatesStep", "EnvFileStep", "UnitFileStep", "EtcdctlWrapperStep",
                "SystemTrustStep");
        assertThat(PlanShapes.shape(plan).indexOf("EnableServiceStep [node1, node2, node3]"))
                .isEqualTo(PlanShapes.shape(plan).indexOf("EtcdctlWrapperStep [node1, node2, node3]") + 1);
    }

    @Test
    void kubernetesHostsGetNodeCertificatesAfterTheMembersAndTheUnreachableOnesAreNamedLast() throws Exception {
        ClusterSession withKubernetes = PlanShapes.offlineSession(dir.resolve("k8s"), 6, 3,
                "    kube_control_plane: {hosts: {node1: , node4: }}\n    kube_node: {hosts: {node5: , node6: }}\n");

        Plan plan = InstallPlan.build(withKubernetes, InstallPlan.DEFAULT_HEALTH_TIMEOUT,
                KubernetesHostsProbe.plan(withKubernetes.inventory(), Map.of("node6", "connection timed out")));

        List<String> shape = PlanShapes.shape(plan);
        assertThat(shape.subList(shape.indexOf("MarkExistingStep [node1, node2, node3]") + 1, shape.size()))
                .containsExactly("NodeCertificateStep [node1, node4, node5]",
                        "SystemTrustStep [node4, node5]",
                        "UnreachedKubernetesHostStep [node6]");
        // the members' own trust goes in while etcd starts, not after them
        assertThat(shape.get(shape.indexOf("StartMembersStep [cluster]") + 1))
                .isEqualTo("SystemTrustStep [node1, node2, node3]");
        assertThat(plan.steps().get(shape.size() - 1).step().preview("node6"))
                .anySatisfy(line -> assertThat(line).contains("connection timed out"))
                .anySatisfy(line -> assertThat(line).contains("quorum install -i "));
    }

    @Test
    void theWizardsPreviewIsOnlyTheReadOnlyPreflightOnTheHostsItNames() {
        Plan plan = InstallPlan.preflight(session, List.of("node2"));

        assertThat(PlanShapes.shape(plan)).containsExactly("PreflightStep [node2]");
    }
}
