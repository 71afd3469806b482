package dev.quorum.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.inventory.ClusterLayout;
import java.util.EnumSet;
import java.util.Set;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import org.junit.jupiter.api.Test;

/** On the events cluster the app offers what the CLI's --cluster events does, and says why the rest is disabled. */
class ActionAvailabilityTest {
    static final Set<ClusterAction> ON_EVENTS = EnumSet.of(ClusterAction.ADD, ClusterAction.REPLACE,
            ClusterAction.REMOVE, ClusterAction.SNAPSHOT, ClusterAction.RESTORE, ClusterAction.RENEW,
            ClusterAction.ADOPT);

    @Test
    void theMainClusterAllowsEverything() {
        for (ClusterAction action : ClusterAction.values()) {
            assertThat(action.refusal(ClusterLayout.MAIN)).as(action.name()).isEmpty();
        }
    }

    @Test
    void theEventsClusterAllowsOnlyWhatTheCliDoesThere() {
        for (ClusterAction action : ClusterAction.values()) {
            if (ON_EVENTS.contains(action)) {
                assertThat(action.refusal(ClusterLayout.EVENTS)).as(action.name()).isEmpty();
            } else {
                assertThat(action.refusal(ClusterLayout.EVENTS)).as(action.name())
                        .hasValueSatisfying(why -> assertThat(why).contains("main cluster"));
            }
        }
        assertThat(ClusterAction.MAINTAIN.refusal(ClusterLayout.EVENTS).orElseThrow())
                .contains("Not from the app on the events cluster yet", "quorum maintain -i INVENTORY --cluster events");
        assertThat(ClusterAction.RECOVER.refusal(ClusterLayout.EVENTS).orElseThrow())
                .contains("quorum diagnose --cluster events");
        assertThat(ClusterAction.SCHEDULE_BACKUPS.refusal(ClusterLayout.EVENTS).orElseThrow())
                .contains("quorum backup -i INVENTORY --cluster events");
    }

    @Test
    void theButtonsFollowTheClusterShown() {
        ActionAvailability available = new ActionAvailability();
        BooleanBinding upgradeRefused = available.refused(ClusterAction.UPGRADE);
        StringBinding upgradeTip = available.tooltip(ClusterAction.UPGRADE, "Upgrade etcd...");
        BooleanBinding addRefused = available.refused(ClusterAction.ADD);
        StringBinding addTip = available.tooltip(ClusterAction.ADD, "Add a host");

        assertThat(upgradeRefused.get()).as("no cluster shown").isFalse();
        assertThat(upgradeTip.get()).isEqualTo("Upgrade etcd...");

        available.show(ClusterLayout.EVENTS);
        assertThat(upgradeRefused.get()).isTrue();
        assertThat(upgradeTip.get()).contains("quorum upgrade -i INVENTORY --cluster events");
        assertThat(addRefused.get()).isFalse();
        assertThat(addTip.get()).isEqualTo("Add a host");

        available.show(ClusterLayout.MAIN);
        assertThat(upgradeRefused.get()).isFalse();
        assertThat(upgradeTip.get()).isEqualTo("Upgrade etcd...");
    }
}
