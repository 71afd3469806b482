package dev.quorum.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.app.shell.Fx;
import dev.quorum.app.shell.Theme;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The frame's step list shows every step's name whole ("1. Member and new..." was cut), the current one in bold. */
class WizardStepNamesTest {
    private static final List<String> TITLES = List.of("Member and new host", "Certificates to renew",
            "Hosts, their keys and the etcd group of the inventory, checked before anything changes");

    @TempDir
    Path dir;
    private final WizardHarness ui = new WizardHarness();
    private FxTaskExecutor executor;

    @BeforeAll
    static void boot() throws Exception {
        WizardHarness.boot();
        Fx.run(Theme.LIGHT::apply); // the app's theme decides the font, so the names' widths
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
        if (executor != null) {
            executor.shutdown();
        }
    }

    @Test
    void everyStepNameIsShownWholeAtTheWizardsSmallestSize() throws Exception {
        executor = new FxTaskExecutor(1);
        WizardServices services = new WizardServices(executor, new QuorumHome(dir), SshOptions.defaults(), e -> { });
        List<WizardPage> pages = TITLES.stream().map(WizardStepNamesTest::page).toList();
        WizardModel model = new WizardModel("Steps", pages, () -> {
            throw new UnsupportedOperationException("no review in this test");
        }, services);
        Stage stage = ui.open(() -> WizardWindow.open(null, model));
        ui.interact(() -> {
            stage.setWidth(stage.getMinWidth());
            stage.setHeight(stage.getMinHeight());
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertEveryNameWhole("on the first page");
        ui.interact(() -> {
            model.next();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEveryNameWhole("on the second page, its name in bold");
    }

    private void assertEveryNameWhole(String when) {
        VBox list = ui.lookup("#wizardSteps").queryAs(VBox.class);
        List<Label> labels = ui.from(list).lookup(".wizard-step").queryAllAs(Label.class).stream().toList();
        assertThat(labels).extracting(Label::getText).contains("1. Member and new host", "2. Certificates to renew",
                "3. " + TITLES.get(2), "4. Review", "5. Run", "6. Result");
        for (Label label : labels) {
            assertThat(Fx.get(() -> drawn(label))).as("%s: what the step list draws for %s", when, label.getText())
                    .isEqualTo(label.getText());
        }
    }

    /** The text the label's skin draws: the label's text, or its start and "..." when cut. */
    private static String drawn(Label label) {
        for (Node child : label.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child != label.getGraphic()) {
                return text.getText();
            }
        }
        return "(no text drawn)";
    }

    private static WizardPage page(String title) {
        return new WizardPage() {
            private final SimpleBooleanProperty complete = new SimpleBooleanProperty(true);
            private final Label view = new Label(title);

            @Override
            public String title() {
                return title;
            }

            @Override
            public Node view() {
                return view;
            }

            @Override
            public ObservableBooleanValue complete() {
                return complete;
            }
        };
    }
}
