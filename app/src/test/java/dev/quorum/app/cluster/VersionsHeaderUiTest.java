package dev.quorum.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.shell.Fx;
import java.time.Instant;
import java.time.ZoneOffset;
import dev.quorum.core.cluster.EtcdRoutes;
import dev.quorum.core.cluster.TunnelReason;
import dev.quorum.core.etcd.EtcdRoute;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.InventoryHost;
import dev.quorum.core.remote.JumpHost;
import dev.quorum.core.remote.SshTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    @Test
    void theHeaderSaysWhenTheMembersAreReachedThroughABastion() throws Exception {
        JumpHost jump = new JumpHost("203.0.113.5", 2222, "ops", Optional.empty());
        InventoryHost host = new InventoryHost("n1", "10.0.0.1",
                new SshTarget("10.0.0.1", 22, "root", Optional.empty(), Optional.of(jump)), Map.of());
        ClusterViewModel behind = new ClusterViewModel("c2", List.of(new EtcdMember(host, "n1")), ZoneOffset.UTC);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            javafx.scene.layout.VBox both = new javafx.scene.layout.VBox(new VersionsHeader(model),
                    new VersionsHeader(behind));
            stage.setScene(new Scene(both, 800, 200));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        List<Label> labels = robot.lookup("#cluster-bastion").queryAllAs(Label.class).stream().toList();
        assertThat(labels).extracting(Label::isVisible).containsExactlyInAnyOrder(false, true);
        assertThat(labels).filteredOn(Label::isVisible).extracting(Label::getText)
                .containsExactly("through bastion 203.0.113.5:2222");
    }

    @Test
    void theHeaderSaysWhenEtcdIsReachedThroughSshTunnelsAndWhy() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new VersionsHeader(model), 800, 100));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label route = robot.lookup("#cluster-etcd-route").queryAs(Label.class);
        assertThat(route.isVisible()).as("hidden while all is direct").isFalse();

        Fx.run(() -> model.routes(new EtcdRoutes(Map.of("n1", EtcdRoute.SSH_TUNNEL),
                Optional.of(TunnelReason.CLIENT_PORT_UNREACHABLE))));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(route.isVisible()).isTrue();
        assertThat(route.getText()).isEqualTo("etcd through SSH tunnels");
        assertThat(route.getTooltip().getText())
                .isEqualTo("etcd reached through SSH tunnels (client port 2379 not reachable from here)");
    }
}
