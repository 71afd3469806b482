package dev.quorum.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.shell.Fx;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The picture's header: the cluster version always, the "mixed versions" badge only while members differ. */
class VersionsHeaderUiTest {
    final FxRobot robot = new FxRobot();
    final ClusterViewModel model = new ClusterViewModel("c1", List.of(), ZoneOffset.UTC);

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theBadgeShowsWhileMembersRunDifferentVersionsAndTheTableSaysWhichRunsWhat() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            javafx.scene.layout.VBox both = new javafx.scene.layout.VBox(
                    new ClusterPicture(model, new MemberActions(n -> { }, n -> { })),
                    new MembersTable(model, new MemberActions(n -> { }, n -> { })));
            stage.setScene(new Scene(both, 800, 700));
            stage.show();
        });
        Fx.run(() -> model.apply(Statuses.withVersions("3.5.0", "3.5.33", "3.6.14", "3.5.33"), Instant.now()));
        WaitForAsyncUtils.waitForFxEvents();

        Label badge = robot.lookup("#mixed-versions-badge").queryAs(Label.class);
        assertThat(badge.isVisible()).isTrue();
        assertThat(badge.getText()).isEqualTo("mixed versions");
        assertThat(badge.getTooltip().getText()).contains("v3.6.14 (etcd2)");
        assertThat(robot.lookup("#cluster-version").queryAs(Label.class).getText()).isEqualTo("cluster version 3.5");
        assertThat(robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .map(c -> c.getText()).filter(t -> t != null && t.startsWith("3."))).containsExactly(
                "3.5.33", "3.6.14", "3.5.33");

        Fx.run(() -> model.apply(Statuses.withVersions("3.6.0", "3.6.14", "3.6.14", "3.6.14"), Instant.now()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(badge.isVisible()).isFalse();
        assertThat(robot.lookup("#cluster-version").queryAs(Label.class).getText()).isEqualTo("cluster version 3.6");
    }
}
