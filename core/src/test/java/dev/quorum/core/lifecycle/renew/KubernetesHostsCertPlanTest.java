package dev.quorum.core.lifecycle.renew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.engine.RecordingContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.lifecycle.PlanShapes;
import dev.quorum.core.lifecycle.steps.KubernetesHostsPlan;
import dev.quorum.core.lifecycle.steps.KubernetesHostsProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renewal and CA rotation with Kubernetes hosts outside the etcd group (decision 0033): node1-3 are members,
 * node1 and node4 control planes, node5 a node. Built without hosts or root, from the observed unreachable hosts.
 */
class KubernetesHostsCertPlanTest {
    private static final String GROUPS = "    kube_control_plane:\n      hosts:\n        node1:\n        node4:\n"
            + "    kube_node:\n      hosts:\n        node5:\n"
            + "    k8s_cluster:\n      children:\n        kube_control_plane:\n        kube_node:\n";
    private static final Map<String, String> NODE5_DOWN = Map.of("node5", "connect timed out");

    @TempDir
    Path dir;
    private ClusterSession session;

    @BeforeEach
    void fiveHosts() throws Exception {
        session = PlanShapes.offlineSession(dir, 5, 3, GROUPS);
    }

    private KubernetesHostsPlan observed(Map<String, String> unreachable) {
        return KubernetesHostsProbe.plan(session.inventory(), unreachable);
    }

    private static List<String> titles(Plan plan) {
        return plan.steps().stream().map(s -> s.step().title()).toList();
    }

    @Test
    void aRenewalOfTheClusterRenewsTheNodeCertificatesOfTheKubernetesHostsAfterTheMembers() {
        Plan plan = CertPlanner.renew(session, new RenewalRequest(Optional.empty(), true, Duration.ofDays(30)),
                Optional.of("node1"), observed(Map.of()));

        assertThat(PlanShapes.shape(plan)).containsExactly(
                "ClientPortStep [cluster]", "RenewalGuardStep [cluster]",
                "RenewHostCertificatesStep [node2]", "ServeRenewedStep [node2]",
                "RenewHostCertificatesStep [node3]", "ServeRenewedStep [node3]",
                "RenewHostCertificatesStep [node1]", "ServeRenewedStep [node1]",
                "RestartTogetherStep [cluster]",
                "RenewNodeCertificateStep [node4, node5]",
                "VerifyClusterStep [cluster]");
    }

    @Test
    void anUnreachableKubernetesHostDoesNotStopARenewalButIsNamed() {
        Plan plan = CertPlanner.renew(session, new RenewalRequest(Optional.empty(), false, Duration.ofDays(30)),
                Optional.empty(), observed(NODE5_DOWN));

        assertThat(PlanShapes.shape(plan)).contains("RenewNodeCertificateStep [node4]",
                "UnreachedKubernetesHostStep [node5]").doesNotContain("UnreachedKubernetesGuardStep [cluster]");
        assertThat(plan.steps().get(plan.steps().size() - 2).step().preview("node5"))
                .contains("# once it does: quorum certs renew -i " + session.inventory().source());
    }

    @Test
    void replacingAnExpiredCaTellsTheOperatorToRestartKubeApiserverOnEachControlPlane() {
        Plan plan = CertPlanner.rotateCa(session, RotateCaRequest.all(), Optional.empty(), observed(Map.of()),
                IssuingCa.EXPIRED);

        PlannedStep together = plan.steps().stream()
                .filter(s -> s.step().getClass().getSimpleName().equals("ReloadTrustTogetherStep")).findFirst()
                .orElseThrow();
        assertThat(together.step().preview(PlannedStep.CLUSTER)).last().isEqualTo("# kube-apiserver reads its "
                + "--etcd-cafile only when it starts: once this run ends, restart it on node1, node4, one at a time, "
                + "so it loads the new ca.pem");
    }

    @Test
    void aRenewalOfOneMemberLeavesTheKubernetesHostsAlone() {
        Plan plan = CertPlanner.renew(session, new RenewalRequest(Optional.of("node2"), true, Duration.ofDays(30)),
                Optional.empty(), observed(Map.of()));

        assertThat(PlanShapes.shape(plan)).noneMatch(s -> s.contains("node4") || s.contains("node5"));
    }

    @Test
    void aRotationGivesTheKubernetesHostsTheBundleFirstAndDropsTheOldCaLast() {
        Plan plan = CertPlanner.rotateCa(session, RotateCaRequest.all(), Optional.of("node2"), observed(Map.of()));

        assertThat(PlanShapes.shape(plan)).containsExactly(
                "ClientPortStep [cluster]", "ReplacedCaGuardStep [cluster]", "RotationStartStep [cluster]",
                "KubernetesCaFileStep [node4, node5]",
                "SystemTrustStep [node1, node2, node3, node4, node5]",
                "HostTrustStep [node1]", "HostTrustStep [node3]", "HostTrustStep [node2]",
                "UnreachedKubernetesGuardStep [cluster]",
                "RenewHostCertificatesStep [node1]", "ServeRenewedStep [node1]",
                "RenewHostCertificatesStep [node3]", "ServeRenewedStep [node3]",
                "RenewHostCertificatesStep [node2]", "ServeRenewedStep [node2]",
                "RenewNodeCertificateStep [node4, node5]",
                "SwitchWorkstationCaStep [cluster]",
                "HostTrustStep [node1]", "HostTrustStep [node3]", "HostTrustStep [node2]",
                "KubernetesCaFileStep [node4, node5]",
                "SystemTrustStep [node1, node2, node3, node4, node5]",
                "FinishRotationStep [cluster]", "VerifyClusterStep [cluster]");
        List<String> titles = titles(plan);
        assertThat(titles.subList(3, 5)).as("the bundle reaches the Kubernetes hosts before any member restarts")
                .containsExactly("Kubernetes hosts' ca.pem: the old and the new CA",
                        "System trust of every host: the old and the new CA");
        assertThat(titles.subList(20, 22)).as("the old CA leaves last, after every certificate was re-issued")
                .containsExactly("Kubernetes hosts' ca.pem: the new CA alone",
                        "System trust of every host: the new CA alone");
    }

    @Test
    void theNodeCertificatesComeFromTheNewCaBeforeAnyHostDropsTheOldOne() {
        List<String> shape = PlanShapes.shape(CertPlanner.rotateCa(session, RotateCaRequest.all(), Optional.empty(),
                observed(Map.of())));

        int firstServing = shape.indexOf("RenewHostCertificatesStep [node1]");
        int nodeCerts = shape.indexOf("RenewNodeCertificateStep [node4, node5]");
        int firstDrop = shape.lastIndexOf("HostTrustStep [node1]");
        assertThat(shape.indexOf("KubernetesCaFileStep [node4, node5]")).isLessThan(firstServing);
        assertThat(shape.indexOf("UnreachedKubernetesGuardStep [cluster]")).isLessThan(firstServing);
        assertThat(nodeCerts).isGreaterThan(firstServing).isLessThan(firstDrop);
        assertThat(shape.lastIndexOf("KubernetesCaFileStep [node4, node5]")).isGreaterThan(firstDrop);
    }

    @Test
    void anUnreachableKubernetesHostBlocksTheRotationBeforeMembersServeTheNewCa() {
        Plan plan = CertPlanner.rotateCa(session, RotateCaRequest.all(), Optional.empty(), observed(NODE5_DOWN));
        List<String> shape = PlanShapes.shape(plan);
        int guard = shape.indexOf("UnreachedKubernetesGuardStep [cluster]");

        assertThat(shape).contains("KubernetesCaFileStep [node4]", "RenewNodeCertificateStep [node4]")
                .as("node5 is planned nowhere: nothing can be done there").noneMatch(s -> s.contains("node5"));
        assertThat(guard).isLessThan(shape.indexOf("RenewHostCertificatesStep [node1]"));
        assertThatThrownBy(() -> plan.steps().get(guard).step().check(new RecordingContext()))
                .isInstanceOf(StepFailedException.class)
                .hasMessageContaining("node5 (connect timed out)")
                .hasMessageContaining("cut them off etcd")
                .satisfies(e -> assertThat(((StepFailedException) e).hint()).contains(
                        "make node5 answer over SSH and run quorum certs rotate-ca -i",
                        "--accept-unreached-kubernetes-hosts node5"));
    }

    @Test
    void anAcceptedUnreachableHostLetsTheRotationGoOnWithAWarning() throws Exception {
        Plan plan = CertPlanner.rotateCa(session, new RotateCaRequest(false, Set.of("node5")), Optional.empty(),
                observed(NODE5_DOWN));
        int guard = PlanShapes.shape(plan).indexOf("UnreachedKubernetesGuardStep [cluster]");
        RecordingContext context = new RecordingContext();

        var check = plan.steps().get(guard).step().check(context);

        assertThat(check.needed()).isFalse();
        assertThat(check.reason()).isEqualTo("accepted as cut off: node5");
        assertThat(context.lines).singleElement().asString().startsWith("WARN node5 NOT reached (connect timed out)");
    }

    @Test
    void acceptingAnotherHostDoesNotAcceptTheOneThatIsDown() {
        Plan plan = CertPlanner.rotateCa(session, new RotateCaRequest(false, Set.of("node4")), Optional.empty(),
                observed(NODE5_DOWN));
        int guard = PlanShapes.shape(plan).indexOf("UnreachedKubernetesGuardStep [cluster]");

        assertThatThrownBy(() -> plan.steps().get(guard).step().check(new RecordingContext()))
                .isInstanceOf(StepFailedException.class).hasMessageContaining("node5");
    }

    @Test
    void trustOnlyStopsOnceEveryHostTrustsBothCasBeforeAnyCertificateChanges() {
        Plan plan = CertPlanner.rotateCa(session, new RotateCaRequest(false, Set.of(), true), Optional.of("node2"),
                observed(NODE5_DOWN));

        assertThat(PlanShapes.shape(plan)).containsExactly(
                "ClientPortStep [cluster]", "ReplacedCaGuardStep [cluster]", "RotationStartStep [cluster]",
                "KubernetesCaFileStep [node4]", "SystemTrustStep [node1, node2, node3, node4]",
                "HostTrustStep [node1]", "HostTrustStep [node3]", "HostTrustStep [node2]");
        assertThat(plan.lifecycle()).isEqualTo("certs-rotate-ca-trust");
    }
}
