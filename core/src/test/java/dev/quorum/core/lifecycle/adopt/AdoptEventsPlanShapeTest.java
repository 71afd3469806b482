package dev.quorum.core.lifecycle.adopt;

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

/** Adopting an inventory with etcd_events_cluster_enabled adopts the events cluster too (decision 0048); no root. */
class AdoptEventsPlanShapeTest {
    private static final String EVENTS_ON = "      vars:\n        etcd_events_cluster_enabled: true\n";

    @TempDir
    Path dir;

    @Test
    void bothLayoutsAreCheckedBeforeTheOneCaIsImportedAndBothClustersAreVerified() throws Exception {
        ClusterSession session = PlanShapes.offlineSession(dir, 3, 3, EVENTS_ON);

        Plan plan = AdoptPlans.adopt(session, AdoptRequest.keepCaKeyOnHosts());

        String all = "[node1, node2, node3]";
        assertThat(plan.steps().stream().map(AdoptEventsPlanShapeTest::shape).toList()).containsExactly(
                "KubesprayLayoutStep " + all, "events: KubesprayLayoutStep " + all, "ImportCaStep [cluster]",
                "VerifyClusterStep [cluster]", "events: VerifyClusterStep [cluster]", "SystemTrustStep " + all);
        assertThat(plan.cluster()).isEqualTo(session.inventory().clusterName());
    }

    @Test
    void theEventsLayoutCheckReadsEtcdEventsFiles() throws Exception {
        ClusterSession session = PlanShapes.offlineSession(dir, 3, 3, EVENTS_ON);

        List<PlannedStep> events = AdoptPlans.adopt(session, AdoptRequest.removeCaKey()).steps().stream()
                .filter(s -> s.step() instanceof LabelledStep).toList();

        assertThat(events.get(0).step().title())
                .isEqualTo("events cluster: Read /etc/etcd-events.env and check it matches the inventory");
        assertThat(events.get(0).step().preview("node1"))
                .containsExactly("cat /etc/etcd-events.env /etc/systemd/system/etcd-events.service   # read only");
    }

    private static String shape(PlannedStep s) {
        return (s.step() instanceof LabelledStep l ? "events: " + l.step().getClass().getSimpleName()
                : s.step().getClass().getSimpleName()) + " " + s.targets();
    }
}
