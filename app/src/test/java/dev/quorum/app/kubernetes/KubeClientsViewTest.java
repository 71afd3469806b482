package dev.quorum.app.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.app.shell.Fx;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The tab on screen with hand-made statuses: Refresh reads, rows in words, hosts needing the user marked. */
@Timeout(60)
class KubeClientsViewTest {
    final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void refreshShowsEveryHostAndMarksThoseThatNeedTheUser() throws Exception {
        KubeClientsViewModel model = new KubeClientsViewModel(new SynchronousTaskExecutor(),
                KubeClientsViewModelTest::sample, "hosts.yaml");
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new KubeClientsView(model), 1100, 400));
            stage.show();
        });
        assertThat(Fx.get(() -> robot.lookup("#kube-placeholder").queryLabeled().getText())).startsWith("Not read yet");

        robot.clickOn("#kube-refresh");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Fx.get(() -> robot.lookup("#kube-clients-table .table-cell").queryAll().stream()
                .map(n -> ((TableCell<?, ?>) n).getText()).toList())).contains("cp1", "control plane", "reachable",
                "lists the members", "lists OTHER servers", "NOT reached", "NOT the cluster CA");
        assertThat(Fx.get(() -> robot.lookup("#kube-clients-table .table-row-cell").queryAll().stream()
                .map(n -> (TableRow<?>) n).filter(r -> r.getItem() != null && r.getStyleClass().contains("kube-attention"))
                .count())).isEqualTo(2L);
        assertThat(Fx.get(() -> robot.lookup("#kube-summary").queryLabeled().getText())).contains("1 NOT reached");
    }
}
