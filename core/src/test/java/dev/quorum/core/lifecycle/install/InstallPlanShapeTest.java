package dev.quorum.core.lifecycle.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.lifecycle.PlanShapes;
import java.nio.file.Path;
import java.util.List;
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
                "StartMembersStep [cluster]", "RollingRestartStep [cluster]", "VerifyClusterStep [cluster]",
                "MarkExistingStep " + all);
        assertThat(plan.lifecycle()).isEqualTo("install");
    }

    @Test
    void theWizardsPreviewIsOnlyTheReadOnlyPreflightOnTheHostsItNames() {
        Plan plan = InstallPlan.preflight(session, List.of("node2"));

        assertThat(PlanShapes.shape(plan)).containsExactly("PreflightStep [node2]");
    }
}
