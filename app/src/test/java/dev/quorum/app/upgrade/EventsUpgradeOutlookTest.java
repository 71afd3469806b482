package dev.quorum.app.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.app.wizard.EventsInventories;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.lifecycle.upgrade.Gate;
import dev.quorum.core.lifecycle.upgrade.UpgradeException;
import dev.quorum.core.lifecycle.upgrade.UpgradeRefusal;
import dev.quorum.core.lifecycle.upgrade.UpgradeRequest;
import dev.quorum.core.release.EtcdVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upgrade wizard on the events cluster is {@code quorum upgrade --cluster events} (decisions 0043, 0049): its
 * pages say what that plan's guard decides and that the members are restarted onto the main cluster's binary, and
 * its plan is built from the main cluster's session.
 */
class EventsUpgradeOutlookTest {
    static final EtcdVersion TARGET = EtcdVersion.parse("3.6.14");

    @TempDir
    Path dir;

    @Test
    void aRefusingGuardBlocksAndSaysWhatToDo() {
        UpgradeOutlook outlook = EventsUpgradeOutlook.of(Observed.members("3.5.33", "3.5.33", "3.5.33"),
                Optional.of(EtcdVersion.parse("3.5.0")), TARGET, List.of(new UpgradeRefusal(Gate.EVENTS_CLUSTER,
                        "the main cluster's member etcd1 runs v3.5.33, not " + TARGET, "upgrade the main cluster first")));

        assertThat(outlook.allowed()).isFalse();
        assertThat(outlook.blocking()).startsWith("A guard refuses: The events cluster can take the shared binary.");
        assertThat(outlook.refusals()).extracting(GuardRow::hint).containsExactly("upgrade the main cluster first");
        assertThat(outlook.plan()).isEmpty();
    }

    @Test
    void eachMemberIsRestartedOntoTheSharedBinaryTheLeaderLast() {
        UpgradeOutlook outlook = EventsUpgradeOutlook.of(Observed.members("3.5.33", "3.6.14", "3.5.33"),
                Optional.of(EtcdVersion.parse("3.5.0")), TARGET, List.of());

        assertThat(outlook.allowed()).isTrue();
        assertThat(outlook.mixed()).isTrue();
        assertThat(outlook.path()).contains("-> " + TARGET, "main cluster's binary");
        assertThat(outlook.plan()).startsWith("Restart each events member onto etcd " + TARGET)
                .contains("followers first: lab2 (done), lab3, lab1 (leader, last).", "A verified snapshot");
    }

    @Test
    void nothingToDoOnceEveryMemberRunsTheTarget() {
        UpgradeOutlook outlook = EventsUpgradeOutlook.of(Observed.members("3.6.14", "3.6.14", "3.6.14"),
                Optional.of(EtcdVersion.parse("3.6.0")), TARGET, List.of());

        assertThat(outlook.allowed()).isFalse();
        assertThat(outlook.blocking()).isEqualTo("Every events member already runs " + TARGET + ": nothing to upgrade.");
    }

    @Test
    void theEventsPlanIsBuiltFromTheMainClustersSessionAsTheCliBuildsIt() throws Exception {
        Path inventory = EventsInventories.write(dir, 1);
        WizardServices events = EventsInventories.services(dir, ClusterLayout.EVENTS);

        try (ClusterSession main = UpgradePlanSource.openMain(inventory, events)) {
            assertThat(main.inventory().clusterName()).isEqualTo("prod");
        }
        // EventsUpgradePlans refuses a rollback before it reads anything: the events plan, from the main session
        try (UpgradePlanSource source = new UpgradePlanSource(inventory, events, UpgradeRequest.rollBack())) {
            assertThatThrownBy(() -> source.build(0)).isInstanceOf(UpgradeException.class)
                    .hasMessageContaining("--rollback --cluster events");
        }
    }
}
