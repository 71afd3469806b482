package dev.quorum.app.renew;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.app.docs.Screenshot;
import dev.quorum.app.shell.Fx;
import dev.quorum.app.shell.Theme;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.RadioButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renew page's CA rotation choice: one explicit checkbox per Kubernetes host outside the etcd group, unticked
 * and usable only once "Replace the CA" is chosen; a rotation is the whole cluster's, so the member list is off.
 */
class RenewPageRotationTest {
    @TempDir
    Path dir;
    private final WizardHarness ui = new WizardHarness();
    private FxTaskExecutor executor;

    @BeforeAll
    static void boot() throws Exception {
        WizardHarness.boot();
        Fx.run(Theme.LIGHT::apply);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
        if (executor != null) {
            executor.shutdown();
        }
    }

    @Test
    void theCheckboxesToCutOffUnreachedKubernetesHostsAreExplicitAndOnlyForARotation() throws Exception {
        executor = new FxTaskExecutor(1);
        WizardServices services = new WizardServices(executor, new QuorumHome(dir), SshOptions.defaults(), e -> { });
        ui.open(() -> Screenshot.sized(RenewCertificatesWizard.open(null, services, dir.resolve("hosts.yaml"),
                List.of("lab1", "lab2", "lab3"), List.of("lab4", "lab5"), 30, () -> { })));

        assertThat(ui.enabled("#acceptUnreached-lab5")).as("a renewal cuts no one off").isFalse();
        assertThat(ui.enabled("#renewTarget")).isTrue();
        ui.click("#rotateCa");
        assertThat(ui.enabled("#acceptUnreached-lab4")).isTrue();
        assertThat(ui.enabled("#acceptUnreached-lab5")).isTrue();
        assertThat(ui.enabled("#renewTarget")).as("a rotation is the whole cluster's").isFalse();
        assertThat(ui.lookup("#acceptUnreached-lab5").queryAs(CheckBox.class).isSelected()).isFalse();
        ui.click("#acceptUnreached-lab5");
        assertThat(ui.lookup("#acceptUnreached-lab5").queryAs(CheckBox.class).isSelected()).isTrue();
        if (System.getProperty("quorum.docs") != null) {
            Screenshot.of(ui.stage(), "renew-wizard-rotate.png");
        }
    }

    @Test
    void openedForAnExpiredCaTheWizardStartsWithTheRotationChosen() throws Exception {
        executor = new FxTaskExecutor(1);
        WizardServices services = new WizardServices(executor, new QuorumHome(dir), SshOptions.defaults(), e -> { });
        ui.open(() -> Screenshot.sized(RenewCertificatesWizard.openRotation(null, services, dir.resolve("hosts.yaml"),
                List.of("lab1", "lab2", "lab3"), List.of("lab4"), 30, () -> { })));

        assertThat(ui.lookup("#rotateCa").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(ui.enabled("#renewTarget")).as("a rotation is the whole cluster's").isFalse();
        assertThat(ui.enabled("#acceptUnreached-lab4")).isTrue();
    }
}
