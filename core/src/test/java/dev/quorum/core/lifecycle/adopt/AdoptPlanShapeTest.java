package dev.quorum.core.lifecycle.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.lifecycle.PlanShapes;
import dev.quorum.core.lifecycle.steps.KubernetesHostsProbe;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shape of an adoption, built from the inventory and the request alone: no host, no etcd, no root. The
 * addresses are loopback ones nothing listens on, so a builder that reached out would fail here, not send.
 */
class AdoptPlanShapeTest {

    @TempDir
    Path dir;
    private ClusterSession session;

    @BeforeEach
    void threeMembersAndAHostOutsideTheEtcdGroup() throws Exception {
        session = PlanShapes.offlineSession(dir, 4, 3);
    }

    @Test
    void checksEveryEtcdHostsLayoutBeforeTheCaIsImportedAndVerifiesLast() {
        Plan plan = AdoptPlans.adopt(session, AdoptRequest.keepCaKeyOnHosts());

        assertThat(PlanShapes.shape(plan)).containsExactly(
                "KubesprayLayoutStep [node1, node2, node3]", "ImportCaStep [cluster]", "VerifyClusterStep [cluster]",
                "SystemTrustStep [node1, node2, node3]");
        assertThat(plan.lifecycle()).isEqualTo("adopt");
    }

    @Test
    void theCaKeyLeavesTheHostsOnlyWhenAskedAndOnlyAfterTheImportAndTheVerification() {
        Plan plan = AdoptPlans.adopt(session, AdoptRequest.removeCaKey());

        assertThat(PlanShapes.shape(plan)).containsExactly(
                "KubesprayLayoutStep [node1, node2, node3]", "ImportCaStep [cluster]", "VerifyClusterStep [cluster]",
                "RemoveCaKeyStep [node1, node2, node3]", "SystemTrustStep [node1, node2, node3]");
    }

    @Test
    void kubernetesHostsGetTheirNodeCertificatesOnceTheCaIsImportedAndTheUnreachableAreNamed() throws Exception {
        ClusterSession withKubernetes = PlanShapes.offlineSession(dir.resolve("k8s"), 5, 3,
                "    k8s_cluster: {children: {kube_control_plane: }}\n"
                        + "    kube_control_plane: {hosts: {node2: , node4: , node5: }}\n");

        Plan plan = AdoptPlans.adopt(withKubernetes, AdoptRequest.keepCaKeyOnHosts(),
                KubernetesHostsProbe.plan(withKubernetes.inventory(), Map.of("node5", "no route to host")));

        assertThat(PlanShapes.shape(plan)).containsExactly(
                "KubesprayLayoutStep [node1, node2, node3]", "ImportCaStep [cluster]", "VerifyClusterStep [cluster]",
                "NodeCertificateStep [node2, node4]", "SystemTrustStep [node1, node2, node3, node4]",
                "UnreachedKubernetesHostStep [node5]");
    }
}
