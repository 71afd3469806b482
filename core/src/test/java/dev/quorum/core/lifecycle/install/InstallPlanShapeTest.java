package dev.quorum.core.lifecycle.install;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The shape of the install plan, built from the inventory alone: no host, no etcd, no root. The addresses are
 * loopback ones nothing listens on, so a builder that reached out would fail here, not send.
 */
class InstallPlanShapeTest {

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
    void checksTheClusterFirstThenLaysOutEveryHostThenStartsAllAndMarksThemExistingLast() {
        Plan plan = InstallPlan.build(session);

        String all = "[node1, node2, node3]";
        assertThat(shape(plan)).containsExactly(
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

        assertThat(shape(plan)).containsExactly("PreflightStep [node2]");
    }
}
