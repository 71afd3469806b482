package dev.quorum.app.recover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.wizard.EventsInventories;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.inventory.ClusterLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The recover wizard's diagnosis and plan name the inventory as {@code quorum recover --cluster events} does on the
 * events cluster, so the commands its hints suggest act on that cluster too (decision 0049); on main, as before.
 */
class EventsRecoverArgumentTest {

    private static WizardServices on(ClusterLayout layout) {
        return EventsInventories.services(Path.of("unused"), layout);
    }

    @Test
    void theHintsNameTheClusterShown() {
        Path inventory = Path.of("inventory", "prod", "hosts.yaml");

        assertThat(RecoverWizard.inventoryArgument(inventory, on(ClusterLayout.EVENTS)))
                .isEqualTo(inventory + " --cluster events");
        assertThat(RecoverWizard.inventoryArgument(inventory, on(ClusterLayout.MAIN))).isEqualTo(inventory.toString());
    }
}
