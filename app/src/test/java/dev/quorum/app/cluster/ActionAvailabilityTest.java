package dev.quorum.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.inventory.ClusterLayout;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import org.junit.jupiter.api.Test;

/** On the events cluster the app offers what the CLI's --cluster events does: since 0049, every action. */
class ActionAvailabilityTest {
    @Test
    void theMainClusterAllowsEverything() {
        for (ClusterAction action : ClusterAction.values()) {
            assertThat(action.refusal(ClusterLayout.MAIN)).as(action.name()).isEmpty();
        }
    }

    @Test
    void theEventsClusterAllowsEverythingToo() {
        // restore (0047), certificates and adopt (0048) and the wizards of 0049 act on the cluster shown
        for (ClusterAction action : ClusterAction.values()) {
            assertThat(action.refusal(ClusterLayout.EVENTS)).as(action.name()).isEmpty();
        }
    }

    @Test
    void theButtonsFollowTheClusterShown() {
        ActionAvailability available = new ActionAvailability();
        BooleanBinding upgradeRefused = available.refused(ClusterAction.UPGRADE);
        StringBinding upgradeTip = available.tooltip(ClusterAction.UPGRADE, "Upgrade etcd...");

        assertThat(upgradeRefused.get()).as("no cluster shown").isFalse();
        assertThat(upgradeTip.get()).isEqualTo("Upgrade etcd...");

        available.show(ClusterLayout.EVENTS);
        assertThat(upgradeRefused.get()).as("upgrade acts on the events cluster (0049)").isFalse();
        assertThat(upgradeTip.get()).isEqualTo("Upgrade etcd...");

        available.show(ClusterLayout.MAIN);
        assertThat(upgradeRefused.get()).isFalse();
    }
}
