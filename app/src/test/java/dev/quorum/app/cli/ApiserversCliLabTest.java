package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.lab.KubeStandIn;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code quorum replace --update-apiservers} and {@code quorum apiservers update} through the real CLI: lab1..lab3
 * form the cluster, lab1 is also the control plane (running the lab's kubelet + kube-apiserver stand-in), lab4 the
 * replacement.
 */
@LabHosts(count = 4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiserversCliLabTest {
    static Lab lab;
    @RegisterExtension
    static final CliLabCluster cli = CliLabCluster.installed(3).withInventoryEdit(text -> text.replace("\n  vars:",
            "\n    kube_control_plane:\n      hosts:\n        lab1:\n  vars:"));

    @BeforeAll
    static void startTheControlPlane() {
        String members = lab.hosts().subList(0, 3).stream().map(h -> "https://" + h.address() + ":2379")
                .collect(Collectors.joining(","));
        KubeStandIn.start(lab.host(0), KubeStandIn.manifest("lab1", members));
        assertThat(KubeStandIn.awaitLivez(lab.host(0), "200", Duration.ofSeconds(60))).isTrue();
    }

    @Test
    @Order(1)
    void replaceWithUpdateApiserversPointsKubeApiserverAtTheNewMembers() {
        LabHost lab1 = lab.host(0);

        CliContractTest.Run run = cli.quorum("replace", "--member", "etcd2", "--with", "lab4",
                "--update-apiservers", "--yes");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Updating kube-apiserver on the control planes (--update-apiservers):")
                .contains("kube-apiserver --etcd-servers=");
        String manifest = lab1.readFile(KubeStandIn.MANIFEST);
        assertThat(manifest).contains("https://" + lab.host(3).address() + ":2379")
                .doesNotContain("https://" + lab.host(1).address() + ":2379");
        assertThat(lab1.exec("ls /etc/kubernetes/quorum-backups").stdout().lines()).hasSize(1);
        assertThat(KubeStandIn.livez(lab1)).isEqualTo("200");
    }

    @Test
    @Order(2)
    void onceTheInventoryNamesTheNewMemberTheCommandOnItsOwnFindsNothingToDo() throws Exception {
        cli.editInventory(text -> text.replace("\n        lab2:\n", "\n        lab4:\n"));

        CliContractTest.Run run = cli.quorum("apiservers", "update", "--yes");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("already lists these 3 members");
        assertThat(lab.host(0).exec("ls /etc/kubernetes/quorum-backups").stdout().lines()).hasSize(1);
    }
}
