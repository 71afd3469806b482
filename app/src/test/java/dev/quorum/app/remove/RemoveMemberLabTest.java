package dev.quorum.app.remove;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.cluster.MemberState;
import dev.quorum.app.cluster.MemberViewModel;
import dev.quorum.app.labtest.DesktopLabCluster;
import dev.quorum.app.labtest.InstalledCluster;
import dev.quorum.app.shell.Fx;
import dev.quorum.app.wizard.ClusterMembers;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The main window on a 3-member lab cluster: a follower is selected in the Members table, the
 * toolbar's Remove... opens the wizard (through the real ShellActions), and clicking through it
 * removes the member: two healthy members left, the old host's data dir moved aside. Then that host runs etcd
 * again with the removed member's data, as a host cut off during its removal does once it is back: the wizard,
 * opened for it as a diagnosis's "remove it again" opens it, offers it as a former member and retires its host.
 */
@LabHosts(count = 3)
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoveMemberLabTest {
    static Lab lab;
    @RegisterExtension
    static final DesktopLabCluster app = DesktopLabCluster.installed(3);
    static MemberViewModel removed;

    @Test
    @Order(1)
    void removesAFollowerByClickingAndMovesItsDataAside() throws Exception {
        InstalledCluster cluster = app.cluster();
        WizardHarness ui = new WizardHarness();
        app.openWindow();
        Fx.await(Duration.ofSeconds(60), "three healthy members in the window, one leader",
                () -> rows(ui).size() == 3 && rows(ui).stream().allMatch(m -> m.state().healthy())
                        && rows(ui).stream().anyMatch(m -> m.state() == MemberState.LEADER));
        MemberViewModel follower = Fx.get(() -> rows(ui).stream().filter(m -> m.state() == MemberState.FOLLOWER)
                .findFirst().orElseThrow());
        LabHost host = host(follower);
        removed = follower;

        ui.clickOn(row(ui, follower.name()));
        ui.click("#toolbar-remove");
        ui.waitUntil("the wizard read the members, the follower chosen", Duration.ofSeconds(60),
                () -> ui.lookup("#removeMember").tryQuery().isPresent() && chosen(ui) != null,
                () -> ui.text("#removeMemberReason"));
        assertThat(chosen(ui).name()).isEqualTo(follower.name());
        assertThat(ui.text("#quorumArithmetic")).isEqualTo("3 voting members -> 2: still tolerates 0 failures (quorum 2).");
        assertThat(ui.shown("#removeMemberReason")).isFalse();
        assertThat(ui.text("#dataDirWarning")).startsWith("On " + host.name() + " etcd is stopped and disabled")
                .contains("/var/lib/etcd is moved aside to /var/lib/etcd.removed-<time> (not deleted)");

        ui.next(Duration.ofSeconds(30));
        ui.awaitReview(Duration.ofSeconds(90));
        assertThat(ui.text("#reviewHeadline")).contains("Plan: remove on cluster");
        ui.runToResult(Duration.ofSeconds(240));
        assertThat(ui.text("#resultHeadline")).as(ui.lookup("#resultProblems").query().toString()).isEqualTo("Done.");
        assertThat(ui.text("#resultNext")).contains("Remove " + host.name() + " from the etcd group");
        ui.click("#cancel");

        ClusterStatus after = cluster.status();
        assertThat(after.healthy()).as(after.sentence()).isTrue();
        assertThat(after.members()).hasSize(2).allMatch(MemberStatus::healthy)
                .noneMatch(m -> m.hostName().equals(host.name()));
        assertThat(host.exec("ls -d /var/lib/etcd.removed-*").stdout().strip()).startsWith("/var/lib/etcd.removed-");
        assertThat(host.fileExists("/var/lib/etcd")).isFalse();
        assertThat(host.exec("systemctl is-active etcd").stdout().strip()).isNotEqualTo("active");
        Fx.await(Duration.ofSeconds(30), "the window shows the two members left", () -> rows(ui).size() == 2
                && rows(ui).stream().noneMatch(m -> m.name().equals(follower.name())));
    }

    @Test
    @Order(2)
    void aFormerMemberWhoseEtcdRunsAgainIsRetiredByTheWizard() throws Exception {
        LabHost host = host(removed);
        // what a removal leaves when its host was cut off: etcd there still runs with the removed member's data
        host.exec("mv \"$(ls -d /var/lib/etcd.removed-* | head -n 1)\" /var/lib/etcd && mv \"$(ls "
                + "/etc/etcd.env.removed-* | head -n 1)\" /etc/etcd.env && systemctl enable etcd "
                + "&& systemctl start --no-block etcd").requireOk("etcd back on " + host.name());
        WizardHarness ui = new WizardHarness();
        ui.open(() -> RemoveMemberWizard.open(null, app.services(), app.inventory(), removed.hostProperty().get()));
        try {
            ui.waitUntil("the wizard read the members, the former member chosen", Duration.ofSeconds(60),
                    () -> ui.lookup("#removeMember").tryQuery().isPresent() && chosen(ui) != null,
                    () -> ui.text("#removeMemberReason"));
            assertThat(chosen(ui).listed()).as(chosen(ui).toString()).isFalse();
            assertThat(ui.text("#quorumArithmetic")).isEqualTo(removed.name() + " is no longer in the member list: "
                    + "the quorum stays as it is; the removal only stops etcd on " + host.name()
                    + " and moves its data aside.");

            assertThat(ui.reviewAndRun(Duration.ofSeconds(90), Duration.ofSeconds(120)))
                    .as(() -> ui.items("#resultProblems")).isEqualTo("Done.");
        } finally {
            ui.close();
        }
        assertThat(host.exec("systemctl is-active etcd").stdout().strip()).isNotEqualTo("active");
        assertThat(host.exec("systemctl is-enabled etcd").stdout().strip()).isNotEqualTo("enabled");
        assertThat(host.fileExists("/var/lib/etcd")).as("the data moved aside again").isFalse();
        assertThat(host.exec("ls -d /var/lib/etcd.removed-*/member").stdout().lines()).hasSize(1);
        ClusterStatus after = app.cluster().status();
        assertThat(after.members()).hasSize(2).allMatch(MemberStatus::healthy);
    }

    private static LabHost host(MemberViewModel member) {
        return lab.hosts().stream().filter(h -> h.name().equals(member.hostProperty().get())).findFirst().orElseThrow();
    }

    /** The Members table's rows; none before the cluster is shown. */
    @SuppressWarnings("unchecked")
    private static List<MemberViewModel> rows(WizardHarness ui) {
        return ui.lookup("#members-table").tryQuery().map(t -> ((TableView<MemberViewModel>) t).getItems())
                .map(List::copyOf).orElse(List.of());
    }

    private static Node row(WizardHarness ui, String member) {
        return Fx.get(() -> ui.lookup("#members-table .table-row-cell").queryAll().stream()
                .filter(r -> r instanceof TableRow<?> t && t.getItem() instanceof MemberViewModel m
                        && m.name().equals(member)).findFirst().orElseThrow());
    }

    private static ClusterMembers.Member chosen(WizardHarness ui) {
        return (ClusterMembers.Member) ui.lookup("#removeMember").queryAs(ComboBox.class).getValue();
    }
}
