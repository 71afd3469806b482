package dev.quorum.app.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.app.wizard.WizardWindow;
import dev.quorum.core.lifecycle.upgrade.ObservedCluster;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Upgrade wizard's pages on screen: versions, path and mixed state; the guards' refusals with Next disabled. */
class UpgradeWizardUiTest {
    @TempDir
    Path dir;
    FxTaskExecutor executor;
    WizardServices services;
    WizardHarness ui;

    @BeforeAll
    static void boot() throws Exception {
        WizardHarness.boot();
    }

    @BeforeEach
    void services() {
        executor = new FxTaskExecutor(2);
        services = new WizardServices(executor, new QuorumHome(dir.resolve("home")), SshOptions.defaults(), event -> { });
        ui = new WizardHarness();
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
        executor.shutdown();
    }

    private void open(ObservedCluster observed, String clusterVersion, String target) throws Exception {
        Path inventory = Files.writeString(dir.resolve("hosts.yaml"), "all: {}\n");
        ui.open(() -> WizardWindow.open(null, UpgradeWizard.create(services, inventory,
                (file, request) -> Observed.outlook(observed, clusterVersion, target, request))));
        ui.waitUntil("versions read", Duration.ofSeconds(10), () -> !ui.text("#upgradeCurrent").isEmpty());
    }

    @Test
    void twoMinorsAtOnceShowThePathThenTheRefusalAndNextStaysDisabled() throws Exception {
        open(Observed.members("3.4.23", "3.4.23", "3.4.23"), "3.4.0", "3.6.14");

        assertThat(ui.text("#upgradeCurrent")).isEqualTo("v3.4.23 on every member");
        assertThat(ui.text("#upgradeClusterVersion")).isEqualTo("3.4");
        assertThat(ui.text("#upgradeTarget")).isEqualTo("v3.6.14");
        assertThat(ui.text("#upgradePath")).isEqualTo("3.4 -> 3.5 now, then 3.6");
        assertThat(ui.shown("#upgradeMixed")).isFalse();
        assertThat(ui.lookup("#upgradeMembers").queryAs(TableView.class).getItems()).hasSize(3);
        assertThat(ui.enabled("#next")).as("the versions can be read; the guards come next").isTrue();

        ui.click("#next");

        VBox refusals = ui.lookup("#upgradeRefusals").queryAs(VBox.class);
        assertThat(refusals.getChildren()).hasSize(1);
        assertThat(ui.from(refusals).lookup(".upgrade-guard").queryAs(Label.class).getText())
                .isEqualTo("One minor at a time");
        assertThat(ui.from(refusals).lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.contains("2 minors ahead of the running v3.4.23"))
                .anyMatch(t -> t.startsWith("What to do: set etcd_version to the newest 3.5 patch"));
        assertThat(ui.text("#upgradeReason")).isEqualTo("A guard refuses: One minor at a time. Nothing was changed.");
        assertThat(ui.shown("#upgradePlan")).isFalse();
        assertThat(ui.shown("#upgradeRollback")).isFalse();
        assertThat(ui.enabled("#next")).isFalse();
    }

    @Test
    void aMixedClusterShowsTheBadgeAndWithEveryGuardPassingTheOrderAndNext() throws Exception {
        open(Observed.members("3.5.33", "3.5.33", "3.6.14"), "3.5.0", "3.6.14");

        assertThat(ui.shown("#upgradeMixed")).isTrue();
        assertThat(ui.text("#upgradeCurrent")).isEqualTo("mixed versions: v3.5.33 (etcd1, etcd2), v3.6.14 (etcd3)");

        ui.click("#next");

        assertThat(ui.text("#upgradePlan")).startsWith("Every guard passes. Upgrade to v3.6.14, one member at a "
                + "time, followers first: lab2, lab3 (done), lab1 (leader, last).");
        assertThat(ui.shown("#upgradeReason")).isFalse();
        assertThat(ui.shown("#upgradeRollback")).as("offered while mixed").isTrue();
        assertThat(ui.enabled("#next")).isTrue();
    }

    @Test
    void anOlderTargetOneMinorBelow36OffersTheDowngradeAndTickingItShowsItsPlan() throws Exception {
        open(Observed.readyToDowngrade("3.6.0", "3.6.14", "3.6.14", "3.6.14"), "3.6.0", "3.5.33");
        ui.click("#next");

        assertThat(ui.shown("#upgradeDowngrade")).isTrue();
        assertThat(ui.shown("#upgradeRollback")).isFalse();
        assertThat(ui.enabled("#next")).as("as an upgrade, an older target is refused").isFalse();

        ui.click("#upgradeDowngrade");
        ui.waitUntil("the downgrade's plan", Duration.ofSeconds(10), () -> ui.text("#upgradePlan")
                .startsWith("Every guard passes. Downgrade to v3.5.33"));
        assertThat(ui.enabled("#next")).isTrue();
    }
}
