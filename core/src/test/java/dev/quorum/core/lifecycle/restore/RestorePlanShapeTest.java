package dev.quorum.core.lifecycle.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.lifecycle.PlanShapes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shape of a restore from a snapshot file, built from the inventory and the request alone: no host, no etcd,
 * no root. The addresses are loopback ones nothing listens on, so a builder that reached out would fail here.
 */
class RestorePlanShapeTest {

    @TempDir
    Path dir;
    private ClusterSession session;

    @BeforeEach
    void threeMembers() throws Exception {
        session = PlanShapes.offlineSession(dir, 3, 3);
    }

    @Test
    void guardsComeFirstAndEveryDataDirIsMovedAsideBeforeTheSnapshotIsRestoredIntoIt() throws Exception {
        Plan plan = RestorePlan.build(session, RestoreRequest.fromSnapshot(dir.resolve("backup.db"), false));

        String all = "[node1, node2, node3]";
        assertThat(PlanShapes.shape(plan)).containsExactly(
                "SnapshotGuardStep [cluster]", "QuorumLostGuardStep [cluster]", "ClientPortStep [cluster]",
                "FetchReleaseStep [cluster]", "RestorePreflightStep " + all,
                "BinariesStep " + all, "CertificatesStep " + all, "EnvFileStep " + all, "UnitFileStep " + all,
                "EtcdctlWrapperStep " + all, "EnableServiceStep " + all, "RevisionBumpCheckStep " + all,
                "StopEtcdStep " + all, "UploadSnapshotStep " + all, "MoveDataAsideStep " + all,
                "RestoreDataStep " + all, "InitialCheckOffStep " + all,
                "StartMembersStep [cluster]", "VerifyClusterStep [cluster]", "VerifyKeysStep [cluster]",
                "InitialCheckOnStep " + all, "MarkExistingStep " + all, "CompleteRestoreStep " + all);
        assertThat(plan.lifecycle()).isEqualTo("restore");
    }

    @Test
    void theFirstStartSkipsTheInitialCheckAndItIsBackOnOnceTheRestoreIsVerified() throws Exception {
        List<String> steps = PlanShapes.shape(RestorePlan.build(session,
                RestoreRequest.fromSnapshot(dir.resolve("backup.db"), false))).stream()
                .map(line -> line.substring(0, line.indexOf(' '))).toList();

        assertThat(steps.indexOf("InitialCheckOffStep")).as("written once the data are restored, just before the start")
                .isEqualTo(steps.indexOf("RestoreDataStep") + 1)
                .isEqualTo(steps.indexOf("StartMembersStep") - 1);
        assertThat(steps.indexOf("InitialCheckOnStep")).as("removed right after the cluster and its keys are verified")
                .isEqualTo(steps.indexOf("VerifyKeysStep") + 1)
                .isGreaterThan(steps.indexOf("VerifyClusterStep"));
        assertThat(steps).containsOnlyOnce("InitialCheckOffStep", "InitialCheckOnStep");
    }

    @Test
    void aSurvivorThatIsNotInTheInventoryIsRefusedBeforeAnyHostIsAsked() {
        assertThatThrownBy(() -> RestorePlan.build(session, RestoreRequest.fromSurvivor("node9")))
                .isInstanceOf(RestoreException.class)
                .hasMessageContaining("node9 is not in the inventory's hosts");
    }

    @Test
    void theToolsAreAskedBeforeAnythingStopsAndTheRestoreRaisesRevisionsUnlessToldToKeepThem() throws Exception {
        RestoreRequest request = RestoreRequest.fromSnapshot(dir.resolve("backup.db"), false);
        Plan raising = RestorePlan.build(session, request);
        Plan keeping = RestorePlan.build(session, request.keepingRevisions(true));

        List<String> steps = PlanShapes.shape(raising).stream().map(line -> line.substring(0, line.indexOf(' '))).toList();
        assertThat(steps.indexOf("RevisionBumpCheckStep")).isGreaterThan(steps.indexOf("BinariesStep"))
                .isLessThan(steps.indexOf("StopEtcdStep"));
        assertThat(restoreCommand(raising)).contains(" --bump-revision 1000000000 --mark-compacted");
        assertThat(restoreCommand(keeping)).contains("snapshot restore").doesNotContain("--bump-revision");
    }

    private static String restoreCommand(Plan plan) {
        return plan.steps().stream().filter(s -> s.step() instanceof RestoreDataStep).findFirst().orElseThrow()
                .step().preview("node1").get(0);
    }
}
