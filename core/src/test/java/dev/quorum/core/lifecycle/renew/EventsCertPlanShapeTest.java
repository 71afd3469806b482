package dev.quorum.core.lifecycle.renew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.LabelledStep;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.lifecycle.PlanShapes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renewal and CA rotation with etcd_events_cluster_enabled (decision 0048): the events members read the same files,
 * so after each host's main steps its etcd-events serves the new files (or trusts the new CA) before the next host.
 * No host, no etcd, no root.
 */
class EventsCertPlanShapeTest {
    private static final String EVENTS_ON = "      vars:\n        etcd_events_cluster_enabled: true\n";
    private static final RenewalRequest EVERY_HOST = new RenewalRequest(Optional.empty(), false, Duration.ofDays(30));

    @TempDir
    Path dir;
    private ClusterSession session;

    @BeforeEach
    void threeMembersWithTheEventsCluster() throws Exception {
        session = PlanShapes.offlineSession(dir, 3, 3, EVENTS_ON);
    }

    @Test
    void eachHostsEtcdEventsServesTheRenewedFilesBeforeTheNextHostAndBothClustersAreVerified() {
        Plan plan = CertPlanner.renew(session, EVERY_HOST, Optional.of("node1"));

        assertThat(shape(plan)).containsExactly(
                "ClientPortStep [cluster]", "RenewalGuardStep [cluster]",
                "events: ClientPortStep [cluster]", "events: RenewalGuardStep [cluster]",
                "RenewHostCertificatesStep [node2]", "ServeRenewedStep [node2]", "events: ServeRenewedStep [node2]",
                "RenewHostCertificatesStep [node3]", "ServeRenewedStep [node3]", "events: ServeRenewedStep [node3]",
                "RenewHostCertificatesStep [node1]", "ServeRenewedStep [node1]", "events: ServeRenewedStep [node1]",
                "RestartTogetherStep [cluster]", "events: RestartTogetherStep [cluster]",
                "VerifyClusterStep [cluster]", "events: VerifyClusterStep [cluster]");
        assertThat(plan.cluster()).isEqualTo(session.inventory().clusterName());
    }

    @Test
    void theEventsStepsSayWhichClusterAndCheckPort2383AndEtcdEvents() {
        Plan plan = CertPlanner.renew(session, new RenewalRequest(Optional.of("node2"), true, Duration.ofDays(30)),
                Optional.empty());

        List<PlannedStep> events = plan.steps().stream().filter(s -> s.step() instanceof LabelledStep).toList();
        assertThat(events).extracting(s -> s.step().title()).containsExactly(
                "events cluster: Check this workstation reaches etcd's client port on every member",
                "events cluster: Check every host trusts the workstation's CA and choose rolling or all-at-once",
                "events cluster: Make etcd serve the new certificate and wait for the member to be healthy",
                "events cluster: Without quorum: restart every member together");
        PlannedStep serve = events.get(2);
        assertThat(serve.targets()).containsExactly("node2");
        assertThat(serve.step().preview("node2")).anySatisfy(l -> assertThat(l).contains("node2:2383"))
                .anySatisfy(l -> assertThat(l).contains("systemctl restart etcd-events"));
        PlannedStep main = plan.steps().stream().filter(s -> s.step() instanceof ServeRenewedStep).findFirst()
                .orElseThrow();
        assertThat(main.step().preview("node2")).anySatisfy(l -> assertThat(l).contains("node2:2379"))
                .noneSatisfy(l -> assertThat(l).contains("etcd-events"));
        assertThat(events.get(3).step().preview("cluster"))
                .anySatisfy(l -> assertThat(l).contains("systemctl restart --no-block etcd-events"));
    }

    @Test
    void aRotationRestartsEachHostsEtcdEventsOntoEachTrustChangeRightAfterItsEtcd() {
        Plan plan = CertPlanner.rotateCa(session, RotateCaRequest.all(), Optional.of("node2"));

        assertThat(shape(plan)).containsExactly(
                "ClientPortStep [cluster]", "events: ClientPortStep [cluster]", "ReplacedCaGuardStep [cluster]",
                "RotationStartStep [cluster]",
                "SystemTrustStep [node1, node2, node3]",
                "HostTrustStep [node1]", "events: HostTrustStep [node1]",
                "HostTrustStep [node3]", "events: HostTrustStep [node3]",
                "HostTrustStep [node2]", "events: HostTrustStep [node2]",
                "UnreachedKubernetesGuardStep [cluster]",
                "RenewHostCertificatesStep [node1]", "ServeRenewedStep [node1]", "events: ServeRenewedStep [node1]",
                "RenewHostCertificatesStep [node3]", "ServeRenewedStep [node3]", "events: ServeRenewedStep [node3]",
                "RenewHostCertificatesStep [node2]", "ServeRenewedStep [node2]", "events: ServeRenewedStep [node2]",
                "SwitchWorkstationCaStep [cluster]",
                "HostTrustStep [node1]", "events: HostTrustStep [node1]",
                "HostTrustStep [node3]", "events: HostTrustStep [node3]",
                "HostTrustStep [node2]", "events: HostTrustStep [node2]",
                "SystemTrustStep [node1, node2, node3]",
                "FinishRotationStep [cluster]", "VerifyClusterStep [cluster]", "events: VerifyClusterStep [cluster]");
        PlannedStep eventsTrust = plan.steps().get(6);
        assertThat(eventsTrust.step().title())
                .isEqualTo("events cluster: Trust the old and the new CA, restart, wait for health");
        assertThat(eventsTrust.step().preview("node1")).contains("systemctl restart etcd-events");
    }

    @Test
    void trustOnlyStopsOnceBothClustersTrustBothCas() {
        Plan plan = CertPlanner.rotateCa(session, new RotateCaRequest(false, java.util.Set.of(), true), Optional.empty());

        assertThat(shape(plan)).endsWith("HostTrustStep [node3]", "events: HostTrustStep [node3]");
    }

    @Test
    void withoutTheEventsClusterNothingIsAdded() throws Exception {
        ClusterSession mainOnly = PlanShapes.offlineSession(dir.resolve("main"), 3, 3);

        assertThat(shape(CertPlanner.renew(mainOnly, EVERY_HOST, Optional.empty())))
                .noneMatch(s -> s.startsWith("events"));
    }

    @Test
    void theEventsClustersOwnSessionIsSentToTheMainClustersRenewal() {
        ClusterSession events = session.sibling(session.inventory().cluster(ClusterLayout.EVENTS));

        assertThatThrownBy(() -> CertPlans.renew(events, EVERY_HOST)).isInstanceOf(CertificateRefusal.class)
                .hasMessageContaining("the events cluster uses the main cluster's certificates and CA")
                .satisfies(e -> assertThat(((CertificateRefusal) e).hint()).startsWith("run quorum certs renew -i "));
    }

    private static List<String> shape(Plan plan) {
        return plan.steps().stream().map(s -> (s.step() instanceof LabelledStep l
                ? "events: " + l.step().getClass().getSimpleName() : s.step().getClass().getSimpleName())
                + " " + s.targets()).toList();
    }
}
