package dev.quorum.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.inventory.ClusterLayout;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import org.junit.jupiter.api.Test;

/** On the events cluster the app offers what the CLI's --cluster events does, and says why the rest is disabled. */
class ActionAvailabilityTest {
    static final Set<ClusterAction> ON_EVENTS = EnumSet.of(ClusterAction.ADD, ClusterAction.REPLACE,
            ClusterAction.REMOVE, ClusterAction.SNAPSHOT, ClusterAction.MAINTAIN, ClusterAction.UPGRADE,
            ClusterAction.RECOVER, ClusterAction.SCHEDULE_BACKUPS);

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
        assertThat(ClusterAction.RENEW.refusal(ClusterLayout.EVENTS).orElseThrow())
                .contains("quorum certs renew cannot act on it yet", "etcd.service", "Switch to the main cluster");
    }

    @Test
    void theButtonsFollowTheClusterShown() {
        ActionAvailability available = new ActionAvailability();
        BooleanBinding upgradeRefused = available.refused(ClusterAction.UPGRADE);
        StringBinding upgradeTip = available.tooltip(ClusterAction.UPGRADE, "Upgrade etcd...");
        // whichever action the CLI still refuses on the events cluster (other work converts them one by one)
        Optional<ClusterAction> refusedOnEvents = Arrays.stream(ClusterAction.values())
                .filter(a -> a.refusal(ClusterLayout.EVENTS).isPresent()).findFirst();
        Optional<BooleanBinding> otherRefused = refusedOnEvents.map(available::refused);

        assertThat(upgradeRefused.get()).as("no cluster shown").isFalse();
        assertThat(upgradeTip.get()).isEqualTo("Upgrade etcd...");

        available.show(ClusterLayout.EVENTS);
        assertThat(upgradeRefused.get()).as("upgrade acts on the events cluster (0049)").isFalse();
        assertThat(upgradeTip.get()).isEqualTo("Upgrade etcd...");
        otherRefused.ifPresent(refused -> assertThat(refused.get()).isTrue());

        available.show(ClusterLayout.MAIN);
        assertThat(upgradeRefused.get()).isFalse();
        otherRefused.ifPresent(refused -> assertThat(refused.get()).isFalse());
    }
}
