package dev.quorum.app.recover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.app.wizard.WizardWindow;
import dev.quorum.core.lifecycle.recover.Diagnosis;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;

/** The diagnosis page on screen (headless), fed hand-made diagnoses: icons beside words, Next, the ring. */
class DiagnosisViewTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void boot() throws Exception {
        WizardHarness.boot();
    }

    private static String icon(Node labeled) {
        return ((FontIcon) ((Label) labeled).getGraphic()).getIconLiteral();
    }

    @Test
    void quorumLostShowsWordsWithIconsKeepsNextDisabledAndHealingEnablesIt() throws Exception {
        Deque<Diagnosis> answers = new ArrayDeque<>(List.of(DiagnosisModelTest.quorumLost(),
                DiagnosisModelTest.healthy()));
        WizardServices services = new WizardServices(new SynchronousTaskExecutor(), new QuorumHome(dir),
                SshOptions.defaults(), event -> { });
        WizardHarness ui = new WizardHarness();
        ui.open(() -> WizardWindow.open(null, RecoverWizard.create(services, dir.resolve("hosts.yaml"),
                answers::pop, diagnosis -> { })));
        try {
            assertThat(ui.text("#verdictWord")).isEqualTo("Quorum lost");
            assertThat(icon(ui.lookup("#verdictWord").query())).isEqualTo("mdi2c-close-octagon-outline");
            assertThat(ui.text("#verdictSentence")).isEqualTo("quorum is lost: 2 of 3 members are down.");
            assertThat(ui.text("#cell-lab1-lab3")).isEqualTo("NO");
            assertThat(icon(ui.lookup("#cell-lab1-lab3").query())).isEqualTo("mdi2c-close-thick");
            assertThat(ui.text("#cell-lab3-lab1")).isEqualTo("?");
            assertThat(ui.text("#cell-lab2-lab2")).isEmpty();
            assertThat(ui.text("#member-lab3")).startsWith("lab3 (etcd3): unreachable (SSH)");
            assertThat(ui.enabled("#next")).isFalse();
            assertThat(ui.shown("#diagnosisReason")).isTrue();
            assertThat(ui.text("#diagnosisReason")).startsWith("Recovery needs quorum");
            assertThat(ui.text("#recommendedAction")).isEqualTo("Diagnose again");
            List<Line> lines = ui.lookup("#connectivityRing").lookup((Node n) -> n instanceof Line).queryAllAs(Line.class)
                    .stream().toList();
            assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l.getStrokeDashArray()).as("not colour alone")
                    .isNotEmpty());
            assertThat(ui.shown("#healthyNote")).isFalse();

            // Fired, not clicked: on a small headless screen the button may be scrolled out of the robot's reach.
            ui.interact(() -> ui.lookup("#recommendedAction").queryButton().fire());
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            assertThat(ui.text("#verdictWord")).isEqualTo("Healthy");
            assertThat(icon(ui.lookup("#verdictWord").query())).isEqualTo("mdi2c-check-circle-outline");
            assertThat(ui.lookup("#connectivityRing").lookup((Node n) -> n instanceof Line).queryAllAs(Line.class))
                    .singleElement().satisfies(l -> assertThat(l.getStrokeDashArray()).isEmpty());
            assertThat(ui.text("#cell-lab1-lab2")).isEqualTo("yes");
            assertThat(ui.shown("#diagnosisReason")).isFalse();
            assertThat(ui.shown("#healthyNote")).isTrue();
            assertThat(ui.enabled("#next")).as("healthy: recover only confirms, but may go on").isTrue();
        } finally {
            ui.close();
        }
    }
}
