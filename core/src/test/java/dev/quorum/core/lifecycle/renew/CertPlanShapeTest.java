package dev.quorum.core.lifecycle.renew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.lifecycle.PlanShapes;
import java.nio.file.Path;
import dev.quorum.core.lifecycle.steps.KubernetesHostsProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shape of certificate renewals and CA rotations, built from the inventory, the request and the observed
 * leader: no host, no etcd, no CA, no root. The addresses are loopback ones nothing listens on, so a planner that
 * reached out would fail here, not send.
 */
class CertPlanShapeTest {
    private static final RenewalRequest EVERY_HOST = new RenewalRequest(Optional.empty(), false, Duration.ofDays(30));

    @TempDir
    Path dir;
    private ClusterSession session;

    @BeforeEach
    void threeMembers() throws Exception {
        session = PlanShapes.offlineSession(dir, 3, 3);
    }

    @Test
    void aRenewalGuardsFirstThenRollsOneHostAtATimeWithTheLeaderLast() {
        Plan plan = CertPlanner.renew(session, EVERY_HOST, Optional.of("node1"));

        assertThat(PlanShapes.shape(plan)).containsExactly(
                "ClientPortStep [cluster]", "RenewalGuardStep [cluster]",
                "RenewHostCertificatesStep [node2]", "ServeRenewedStep [node2]",
                "RenewHostCertificatesStep [node3]", "ServeRenewedStep [node3]",
                "RenewHostCertificatesStep [node1]", "ServeRenewedStep [node1]",
                "RestartTogetherStep [cluster]", "VerifyClusterStep [cluster]");
        assertThat(plan.lifecycle()).isEqualTo("certs-renew");
    }

    @Test
    void oneHostsRenewalTouchesThatHostAloneWithoutTheWholeClusterCheck() {
        Plan plan = CertPlanner.renew(session, new RenewalRequest(Optional.of("etcd2"), true, Duration.ofDays(30)),
                Optional.of("node2"));

        assertThat(PlanShapes.shape(plan)).containsExactly(
                "ClientPortStep [cluster]", "RenewalGuardStep [cluster]",
                "RenewHostCertificatesStep [node2]", "ServeRenewedStep [node2]", "RestartTogetherStep [cluster]");
    }

    @Test
    void aHostOutsideTheEtcdGroupIsRefusedWithTheNamesToChooseFrom() {
        assertThatThrownBy(() -> CertPlanner.renew(session,
                new RenewalRequest(Optional.of("node9"), false, Duration.ofDays(30)), Optional.empty()))
                .isInstanceOf(CertificateRefusal.class)
                .hasMessage("node9 is not an etcd host or member of the inventory (etcd hosts: node1/etcd1, "
                        + "node2/etcd2, node3/etcd3)");
    }

    @Test
    void preparingARotationMakesTheNewCaAndChangesNoHost() {
        Plan plan = CertPlanner.rotateCa(session, RotateCaRequest.prepare(), Optional.empty());

        assertThat(PlanShapes.shape(plan)).containsExactly("ClientPortStep [cluster]", "RotationStartStep [cluster]");
        assertThat(plan.lifecycle()).isEqualTo("certs-rotate-ca-prepare");
    }

    @Test
    void aRotationRunsItsPhasesInOrderEachHostAtATimeTheLeaderLast() {
        Plan plan = CertPlanner.rotateCa(session, RotateCaRequest.all(), Optional.of("node2"));

        assertThat(PlanShapes.shape(plan)).containsExactly(
                "ClientPortStep [cluster]", "ReplacedCaGuardStep [cluster]", "RotationStartStep [cluster]",
                "SystemTrustStep [node1, node2, node3]",
                "HostTrustStep [node1]", "HostTrustStep [node3]", "HostTrustStep [node2]",
                "UnreachedKubernetesGuardStep [cluster]",
                "RenewHostCertificatesStep [node1]", "ServeRenewedStep [node1]",
                "RenewHostCertificatesStep [node3]", "ServeRenewedStep [node3]",
                "RenewHostCertificatesStep [node2]", "ServeRenewedStep [node2]",
                "SwitchWorkstationCaStep [cluster]",
                "HostTrustStep [node1]", "HostTrustStep [node3]", "HostTrustStep [node2]",
                "SystemTrustStep [node1, node2, node3]",
                "FinishRotationStep [cluster]", "VerifyClusterStep [cluster]");
        List<String> titles = plan.steps().stream().map(s -> s.step().title()).toList();
        assertThat(titles.subList(4, 7)).as("every host trusts both CAs before any certificate changes")
                .containsOnly("Trust the old and the new CA, restart, wait for health");
        assertThat(titles.subList(15, 18)).as("the old CA is dropped only after the workstation switched")
                .containsOnly("Trust the new CA alone, restart, wait for health");
        assertThat(titles.get(18)).as("the members' system trust follows, as install put the CA there")
                .isEqualTo("System trust of every host: the new CA alone");
        assertThat(plan.lifecycle()).isEqualTo("certs-rotate-ca");
    }

    @Test
    void replacingAnExpiredCaWritesEveryHostsFilesThenRestartsTheMembersTogetherBeforeDroppingTheOldCa() {
        Plan plan = CertPlanner.rotateCa(session, RotateCaRequest.all(), Optional.empty(),
                KubernetesHostsProbe.plan(session.inventory(), Map.of()), IssuingCa.EXPIRED);

        assertThat(PlanShapes.shape(plan)).containsExactly(
                "ClientPortStep [cluster]", "ReplacedCaGuardStep [cluster]", "RotationStartStep [cluster]",
                "SystemTrustStep [node1, node2, node3]",
                "HostTrustStep [node1, node2, node3]",
                "UnreachedKubernetesGuardStep [cluster]",
                "RenewHostCertificatesStep [node1, node2, node3]",
                "SwitchWorkstationCaStep [cluster]",
                "ReloadTrustTogetherStep [cluster]",
                "HostTrustStep [node1]", "HostTrustStep [node2]", "HostTrustStep [node3]",
                "SystemTrustStep [node1, node2, node3]",
                "FinishRotationStep [cluster]", "VerifyClusterStep [cluster]");
        List<String> titles = plan.steps().stream().map(s -> s.step().title()).toList();
        assertThat(titles.get(4)).as("no member restarts alone while its peers trust only the expired CA")
                .isEqualTo("Write the old and the new CA into the CA files (no restart yet)");
        assertThat(titles.subList(9, 12)).as("with quorum back, the old CA is dropped one host at a time")
                .containsOnly("Trust the new CA alone, restart, wait for health");
        assertThat(plan.lifecycle()).isEqualTo("certs-rotate-ca");
    }

    @Test
    void aCaIsExpiredOnlyPastItsNotAfter() throws Exception {
        var ca = dev.quorum.core.pki.CertificateAuthority.loadOrCreate(dir.resolve("pki"), "etcd-ca",
                dev.quorum.core.pki.KeyAlgorithm.EC_P256).certificate();
        Instant end = ca.getNotAfter().toInstant();

        assertThat(IssuingCa.expired(ca, end.minusSeconds(1))).isFalse();
        assertThat(IssuingCa.expired(ca, end.plusSeconds(1))).isTrue();
    }
}
