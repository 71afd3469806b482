package dev.quorum.app.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.app.wizard.WizardModel;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.lifecycle.upgrade.UpgradeRequest;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard's flow over core's decision: the guards shown, Next disabled on a refusal, a rollback offered while mixed,
 * a downgrade one minor below a cluster on 3.6+.
 */
class UpgradeChoicesTest {
    @TempDir
    Path dir;
    final SynchronousTaskExecutor executor = new SynchronousTaskExecutor();
    final List<UpgradeRequest> asked = new ArrayList<>();

    private WizardModel wizard(UpgradeReading reading) throws Exception {
        Path inventory = Files.writeString(dir.resolve("hosts.yaml"), "all: {}\n");
        WizardServices services = new WizardServices(executor, new QuorumHome(dir.resolve("home")),
                SshOptions.defaults(), event -> { });
        return UpgradeWizard.create(services, inventory, (file, request) -> {
            asked.add(request);
            return reading.read(file, request);
        });
    }

    @Test
    void aRefusingGuardLetsTheVersionsBeSeenButNotTheGuardsPagePassed() throws Exception {
        WizardModel wizard = wizard((file, request) -> Observed.outlook(
                Observed.members("3.4.23", "3.4.23", "3.4.23"), "3.4.0", "3.6.14"));

        assertThat(wizard.canNext().get()).as("the versions page: read").isTrue();
        wizard.next();

        assertThat(wizard.indexProperty().get()).isEqualTo(1);
        assertThat(wizard.canNext().get()).as("a guard refuses").isFalse();
        wizard.next();
        assertThat(wizard.indexProperty().get()).as("Next does nothing").isEqualTo(1);
    }

    /** Before: the binding threw on the missing outlook and JavaFX took "" for it, as if no guard refused. */
    @Test
    void beforeTheFirstReadTheGuardsAreNotPassed() {
        UpgradeChoices choices = new UpgradeChoices(executor, new QuorumHome(dir.resolve("home")),
                (file, request) -> {
                    throw new AssertionError("nothing is read before refresh()");
                });

        assertThat(choices.reason().get()).isEqualTo("Reading each member's version and checking the guards...");
    }

    @Test
    void everyGuardPassingLeadsToTheReview() throws Exception {
        WizardModel wizard = wizard((file, request) -> Observed.outlook(
                Observed.members("3.5.33", "3.5.33", "3.5.33"), "3.5.0", "3.6.14"));
        wizard.next();

        assertThat(wizard.canNext().get()).isTrue();
        assertThat(asked).containsExactly(UpgradeRequest.upgrade());
    }

    @Test
    void aReadThatFailsSaysWhatToDoAndBlocksTheVersionsPage() throws Exception {
        WizardModel wizard = wizard((file, request) -> {
            throw new dev.quorum.core.lifecycle.upgrade.UpgradeException("cluster c1 has no member with a leader", "quorum diagnose -i hosts.yaml");
        });

        assertThat(wizard.canNext().get()).isFalse();
        UpgradeChoices choices = choicesOf(wizard);
        assertThat(choices.readReason().get()).isEqualTo("cluster c1 has no member with a leader What to do: "
                + "quorum diagnose -i hosts.yaml");
    }

    @Test
    void aMixedClusterOffersTheRollbackAndChoosingItReadsTheDecisionForIt() throws Exception {
        WizardModel wizard = wizard((file, request) -> Observed.outlook(
                Observed.members("3.5.33", "3.5.33", "3.6.14"), "3.5.0", "3.6.14", request));
        UpgradeChoices choices = choicesOf(wizard);
        assertThat(choices.rollbackOffered().get()).isTrue();

        choices.rollbackProperty().set(true);

        assertThat(asked).containsExactly(UpgradeRequest.upgrade(), UpgradeRequest.rollBack());
        assertThat(choices.outlookProperty().get().plan()).startsWith("Roll back to v3.5.33");
        assertThat(choices.request()).isEqualTo(UpgradeRequest.rollBack());
    }

    @Test
    void aClusterNotMixedOffersNoRollback() throws Exception {
        WizardModel wizard = wizard((file, request) -> Observed.outlook(
                Observed.members("3.5.33", "3.5.33", "3.5.33"), "3.5.0", "3.6.14", request));

        assertThat(choicesOf(wizard).rollbackOffered().get()).isFalse();
    }

    @Test
    void oneMinorBelowAClusterOn36TheDowngradeIsOfferedAndChoosingItReadsTheDecisionForIt() throws Exception {
        WizardModel wizard = wizard((file, request) -> Observed.outlook(
                Observed.readyToDowngrade("3.6.0", "3.6.14", "3.6.14", "3.6.14"), "3.6.0", "3.5.33", request));
        UpgradeChoices choices = choicesOf(wizard);
        assertThat(choices.downgradeOffered().get()).isTrue();
        assertThat(choices.rollbackOffered().get()).isFalse();
        assertThat(choices.reason().get()).contains("Older versions");

        choices.downgradeProperty().set(true);

        assertThat(asked).containsExactly(UpgradeRequest.upgrade(), UpgradeRequest.downgradeOneMinor());
        assertThat(choices.outlookProperty().get().plan()).startsWith("Downgrade to v3.5.33, one member at a time")
                .contains("etcd's downgrade is enabled");
        assertThat(choices.reason().get()).isEmpty();
        assertThat(choices.request()).isEqualTo(UpgradeRequest.downgradeOneMinor());
    }

    @Test
    void rollbackAndDowngradeAreNeverBothChosen() throws Exception {
        WizardModel wizard = wizard((file, request) -> Observed.outlook(
                Observed.readyToDowngrade("3.6.0", "3.6.14", "3.6.14", "3.7.1"), "3.6.0", "3.6.14", request));
        UpgradeChoices choices = choicesOf(wizard);
        choices.rollbackProperty().set(true);
        choices.downgradeProperty().set(true);

        assertThat(choices.rollbackProperty().get()).isFalse();
        assertThat(choices.request()).isEqualTo(UpgradeRequest.downgradeOneMinor());
        assertThat(asked).as("one read per choice").containsExactly(UpgradeRequest.upgrade(),
                UpgradeRequest.rollBack(), UpgradeRequest.downgradeOneMinor());
        choices.rollbackProperty().set(true);
        assertThat(choices.downgradeProperty().get()).isFalse();
        assertThat(choices.request()).isEqualTo(UpgradeRequest.rollBack());
    }

    @Test
    void aClusterOn35OffersNoDowngrade() throws Exception {
        WizardModel wizard = wizard((file, request) -> Observed.outlook(
                Observed.members("3.5.33", "3.5.33", "3.5.33"), "3.5.0", "3.4.23", request));

        assertThat(choicesOf(wizard).downgradeOffered().get()).isFalse();
    }

    private static UpgradeChoices choicesOf(WizardModel wizard) {
        return ((VersionsPage) wizard.inputs().get(0)).choices();
    }
}
