package dev.quorum.app.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.labtest.DesktopLabCluster;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.remote.SshConnector;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHosts;
import dev.quorum.lab.Wait;
import java.time.Duration;
import java.util.Map;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Decision 0068 with an events cluster, from the desktop app: one lab host running both clusters on 3.6, the
 * inventory pointed at 3.5; the Upgrade wizard on the main cluster offers "Downgrade instead", and its run takes both
 * clusters to 3.5, each speaking 3.5, the events member with the same ID.
 */
@LabHosts(count = 1)
class EventsDowngradeWizardLabTest {
    static Lab lab;
    @RegisterExtension
    static final DesktopLabCluster app = DesktopLabCluster.installed(1).withEtcd("3.6", "3.5")
            .withVars(Map.of("etcd_events_cluster_enabled", true));

    @Test
    void downgradeInsteadTakesTheEventsClusterBackWithTheMainOne() throws Exception {
        long eventsId = events().memberList().get(0).id();
        EtcdTarball to = EtcdTarball.require("3.5");
        UpgradeWizardLab.point(app, to);

        WizardHarness ui = new WizardHarness();
        ui.open(() -> UpgradeWizard.open(null, app.services(), app.inventory()));
        try {
            ui.waitUntil("versions read", Duration.ofSeconds(90), () -> !ui.text("#upgradeCurrent").isEmpty(),
                    () -> ui.text("#upgradeReadReason"));
            ui.next(Duration.ofSeconds(10));
            ui.click("#upgradeDowngrade");
            ui.waitUntil("the downgrade's guards", Duration.ofSeconds(90), () -> ui.shown("#upgradePlan"),
                    () -> ui.text("#upgradeReason"));
            assertThat(ui.text("#upgradePlan")).startsWith("Every guard passes. Downgrade to " + to.version());
            ui.reviewAndRun(Duration.ofSeconds(120), Duration.ofSeconds(300));
            assertThat(ui.text("#resultHeadline")).as(String.valueOf(ui.lookup("#resultProblems")
                    .queryAs(ListView.class).getItems()) + "\n" + UpgradeWizardLab.runLogTail(app))
                    .isEqualTo("Done.");
        } finally {
            ui.close();
        }

        EtcdVersion target = EtcdVersion.parse(to.version());
        assertThat(app.cluster().status().memberVersions()).containsExactly(target);
        assertThat(Wait.until(Duration.ofSeconds(20), Duration.ofMillis(500), () -> app.cluster().status()
                .clusterVersion().map(v -> v.line().equals(target.line())).orElse(false)))
                .as(() -> app.cluster().status().versionSentence()).isTrue();
        assertThat(Wait.until(Duration.ofSeconds(20), Duration.ofMillis(500), () -> events().clusterVersion()
                .map(v -> v.line().equals(target.line())).orElse(false))).as(() -> events().versionSentence()).isTrue();
        assertThat(events().memberVersions()).containsExactly(target);
        assertThat(events().memberList()).singleElement().satisfies(m -> assertThat(m.id()).isEqualTo(eventsId));
    }

    private static ClusterStatus events() {
        try (ClusterSession main = new ClusterSession(new InventoryReader().read(app.inventory()), app.home(),
                new SshConnector(app.ssh()))) {
            ClusterSession sibling = main.sibling(main.inventory().cluster(ClusterLayout.EVENTS));
            return LiveCluster.read(sibling).probe(sibling);
        }
    }
}
