package dev.quorum.core.lifecycle.disaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.remote.SshConnector;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
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
        Path file = Files.writeString(dir.resolve("hosts.yaml"), """
                all:
                  hosts:
                    node1: {ip: 127.88.0.1}
                    node2: {ip: 127.88.0.2}
                    node3: {ip: 127.88.0.3}
                  children:
                    etcd:
                      hosts:
                        node1:
                        node2:
                        node3:
                """);
        Inventory inventory = new InventoryReader("tester", Path.of("/home/tester")).read(file);
        session = new ClusterSession(inventory, new QuorumHome(dir.resolve("home")), new SshConnector(SshOptions.defaults()));
    }

    private static List<String> shape(Plan plan) {
        return plan.steps().stream().map(s -> s.step().getClass().getSimpleName() + " " + s.targets()).toList();
    }

    @Test
    void guardsComeFirstAndEveryDataDirIsMovedAsideBeforeTheSnapshotIsRestoredIntoIt() throws Exception {
        Plan plan = RestorePlan.build(session, RestoreRequest.fromSnapshot(dir.resolve("backup.db"), false));

        String all = "[node1, node2, node3]";
        assertThat(shape(plan)).containsExactly(
                "SnapshotGuardStep [cluster]", "QuorumLostGuardStep [cluster]", "ClientPortStep [cluster]",
                "FetchReleaseStep [cluster]", "RestorePreflightStep " + all,
                "BinariesStep " + all, "CertificatesStep " + all, "EnvFileStep " + all, "UnitFileStep " + all,
                "EtcdctlWrapperStep " + all, "EnableServiceStep " + all,
                "StopEtcdStep " + all, "UploadSnapshotStep " + all, "MoveDataAsideStep " + all,
                "RestoreDataStep " + all,
                "StartMembersStep [cluster]", "VerifyClusterStep [cluster]", "VerifyKeysStep [cluster]",
                "MarkExistingStep " + all, "CompleteRestoreStep " + all);
        assertThat(plan.lifecycle()).isEqualTo("restore");
    }

    @Test
    void aSurvivorThatIsNotInTheInventoryIsRefusedBeforeAnyHostIsAsked() {
        assertThatThrownBy(() -> RestorePlan.build(session, RestoreRequest.fromSurvivor("node9")))
                .isInstanceOf(RestoreException.class)
                .hasMessageContaining("node9 is not in the inventory's hosts");
    }
}
