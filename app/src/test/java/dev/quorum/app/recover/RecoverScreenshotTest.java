package dev.quorum.app.recover;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.app.docs.Screenshot;
import dev.quorum.app.shell.Fx;
import dev.quorum.app.shell.Theme;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.app.wizard.WizardWindow;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the Diagnose / Recover wizard's diagnosis page for the docs (a follower cut off, from a
 * hand-made diagnosis) into docs/images/recover-wizard.png. Run with -Pscreenshots.
 */
@Tag("screenshots")
class RecoverScreenshotTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void boot() throws Exception {
        WizardHarness.boot();
        Fx.run(Theme.LIGHT::apply); // as the app does; a wizard alone would otherwise show JavaFX's default look
    }

    @Test
    void rendersTheDiagnosisPage() throws Exception {
        WizardServices services = new WizardServices(new SynchronousTaskExecutor(), new QuorumHome(dir),
                SshOptions.defaults(), event -> { });
        WizardHarness ui = new WizardHarness();
        ui.open(() -> {
            var stage = WizardWindow.open(null, RecoverWizard.create(services, dir.resolve("hosts.yaml"),
                    DiagnosisModelTest::cutOff, diagnosis -> { }));
            stage.setWidth(1100);
            stage.setHeight(880); // the whole diagnosis, members included, without scrolling
            return stage;
        });
        try {
            Screenshot.of(ui.stage(), "recover-wizard.png");
        } finally {
            ui.close();
        }
    }
}
