package dev.quorum.app.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.cluster.MemberState;
import dev.quorum.app.cluster.MemberViewModel;
import dev.quorum.app.labtest.DesktopLabCluster;
import dev.quorum.app.shell.Fx;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.workspace.QuorumHome;
import dev.quorum.lab.KubesprayLayout;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A cluster laid out on three lab hosts as Kubespray's etcd role does, opened in the main window:
 * its CA is not on this workstation, so the window offers "Adopt this cluster..."; the wizard
 * (through the real ShellActions) imports the CA, takes the CA key off the hosts when asked, and
 * the window then shows the members healthy.
 */
@LabHosts(count = 3)
@Timeout(600)
class AdoptClusterLabTest {
    static Lab lab;
    @RegisterExtension
    static final DesktopLabCluster app = DesktopLabCluster.notInstalled(3);

    @Test
    void adoptsAKubesprayClusterFromTheWindowAndShowsItsMembers() throws Exception {
        Path dir = app.dir();
        new KubesprayLayout(lab, 3, dir.resolve("kubespray-ssl")).install(List.of("lab1", "lab2", "lab3"));
        String name = app.cluster().name();
        QuorumHome home = app.home();
        WizardHarness ui = new WizardHarness();
        app.openWindow();
        ui.waitUntil("the window offers the adoption", Duration.ofSeconds(60), () -> ui.shown("#adopt-cluster"),
                () -> ui.lookup("#cluster-problem").tryQuery().map(n -> ui.text("#cluster-problem")).orElse(""));
        assertThat(ui.text("#cluster-problem")).contains("no certificates for cluster " + name)
                .contains("Adopt this cluster...");

        ui.click("#adopt-cluster");
        ui.waitUntil("the etcd hosts' keys read", Duration.ofSeconds(60), () -> ui.lookup("#hostKeys").tryQuery()
                .isPresent() && ui.text("#hostKeys").contains("lab3: known"), () -> ui.text("#adoptReason"));
        assertThat(ui.text("#adoptWhere")).isEqualTo("Cluster " + name + ": the CA (ca.pem, ca-key.pem) is copied "
                + "from lab1 into " + home.pki(name) + " (folder 0700, key 0600).");
        assertThat(ui.text("#removeCaKeyRisk")).contains("makes a NEW CA");
        ui.click("#removeCaKey");
        ui.next(Duration.ofSeconds(30));
        ui.awaitReview(Duration.ofSeconds(90));
        assertThat(ui.text("#reviewHeadline")).contains("Plan: adopt on cluster");
        ui.runToResult(Duration.ofSeconds(240));
        assertThat(ui.text("#resultHeadline")).as(() -> ui.items("#resultProblems") + "\n"
                + WizardHarness.newestRunLogTail(home.runs(name))).isEqualTo("Done.");
        ui.click("#cancel");

        Path pki = dir.resolve("home").resolve("clusters").resolve(name).resolve("pki");
        assertThat(pki.resolve("ca.pem")).isRegularFile();
        assertThat(pki.resolve("ca-key.pem")).isRegularFile();
        assertThat(Files.readString(pki.resolve("ca.pem"))).isEqualTo(lab.host(0).readFile(KubesprayLayout.SSL
                + "/ca.pem"));
        for (LabHost host : lab.hosts()) {
            assertThat(host.fileExists(KubesprayLayout.SSL + "/ca-key.pem")).as(host.name()).isFalse();
        }
        Fx.await(Duration.ofSeconds(60), "the window shows three healthy members, one leader, no problem",
                () -> rows(ui).size() == 3 && rows(ui).stream().allMatch(m -> m.state().healthy())
                        && rows(ui).stream().anyMatch(m -> m.state() == MemberState.LEADER) && !ui.shown("#adopt-cluster"));
        assertThat(Fx.get(() -> rows(ui).stream().map(MemberViewModel::name).toList()))
                .containsExactlyInAnyOrder("etcd1", "etcd2", "etcd3");
        ClusterStatus status = app.cluster().status();
        assertThat(status.healthy()).as(status.sentence()).isTrue();
    }

    /** The Members table's rows; none before the cluster is shown. */
    @SuppressWarnings("unchecked")
    private static List<MemberViewModel> rows(WizardHarness ui) {
        return ui.lookup("#members-table").tryQuery().map(t -> ((TableView<MemberViewModel>) t).getItems())
                .map(List::copyOf).orElse(List.of());
    }
}
