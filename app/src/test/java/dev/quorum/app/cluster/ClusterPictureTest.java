package dev.quorum.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.shell.Fx;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The picture tells states apart by icon, words and stroke, and a refresh keeps its nodes. */
class ClusterPictureTest {
    final FxRobot robot = new FxRobot();
    final ClusterViewModel model = new ClusterViewModel("c1", List.of(), ZoneOffset.UTC);
    final List<String> replaced = new CopyOnWriteArrayList<>();
    final List<String> removed = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private Node node(String member) {
        return robot.lookup(".member-node").queryAll().stream()
                .filter(n -> robot.from(n).lookup(".member-name").queryAs(Label.class).getText().equals(member))
                .findFirst().orElseThrow();
    }

    /** The picture on a stage, the members in these roles (see {@link Statuses#of}). */
    private void showWith(String... roles) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new ClusterPicture(model, new MemberActions(replaced::add, removed::add)), 700, 500));
            stage.show();
        });
        Fx.run(() -> model.apply(Statuses.of(100, roles), Instant.now()));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void leaderLearnerAndUnreachableLookDifferentAndRefreshesKeepTheNodes() throws Exception {
        showWith("leader", "learner", "down");

        Node leader = node("etcd1");
        Node learner = node("etcd2");
        Node down = node("etcd3");
        assertThat(robot.from(leader).lookup(".member-icon").queryAs(FontIcon.class).getIconCode())
                .isEqualTo(MaterialDesignC.CROWN);
        assertThat(robot.from(learner).lookup(".member-circle").queryAs(Circle.class).getStrokeDashArray())
                .as("a learner is dashed").isNotEmpty();
        assertThat(robot.from(leader).lookup(".member-circle").queryAs(Circle.class).getStrokeDashArray()).isEmpty();
        assertThat(robot.from(down).lookup(".member-state").queryAs(Label.class).getText()).isEqualTo("unreachable");
        assertThat(robot.from(down).lookup(".member-icon").queryAs(FontIcon.class).getIconCode())
                .isEqualTo(MaterialDesignL.LAN_DISCONNECT);

        Fx.run(() -> model.apply(Statuses.of(120, "follower", "leader", "follower"), Instant.now()));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertThat(node("etcd1")).as("same node, updated in place").isSameAs(leader);
        assertThat(robot.from(leader).lookup(".member-state").queryAs(Label.class).getText()).isEqualTo("follower");
        assertThat(robot.from(learner).lookup(".member-circle").queryAs(Circle.class).getStrokeDashArray()).isEmpty();
        assertThat(robot.lookup(".member-node").queryAll()).hasSize(3);
    }

    @Test
    void aMembersContextMenuOffersReplaceAndRemoveForThatMember() throws Exception {
        showWith("leader", "follower", "follower");
        Node second = node("etcd2");
        // Monocle's headless robot turns a right click into no context-menu event; send the one the OS would.
        Fx.run(() -> {
            var bounds = second.localToScreen(second.getBoundsInLocal());
            javafx.event.Event.fireEvent(second, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10,
                    bounds.getMinX() + 10, bounds.getMinY() + 10, false, null));
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        List<String> items = robot.fromAll().lookup(".menu-item").queryAll().stream()
                .map(n -> robot.from(n).lookup(".label").queryAs(Label.class).getText()).toList();
        assertThat(items).containsExactly("Replace etcd2...", "Remove etcd2...");

        robot.clickOn("Remove etcd2...");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertThat(removed).containsExactly("etcd2");
        assertThat(replaced).isEmpty();
        assertThat(model.selectedProperty().get().name()).isEqualTo("etcd2");
    }

    @Test
    void aDiagnosisDrawsWhoReachesWhomAndSaysWhen() throws Exception {
        showWith("leader", "follower", "follower");
        assertThat(robot.lookup(".peer-link").queryAll()).as("no lines before a diagnosis").isEmpty();
        assertThat(robot.lookup("#peer-links-caption").query().isVisible()).isFalse();

        // node3 cut off from both; node2 did not answer about node1 (no row), node1 reached node2
        Fx.run(() -> model.peerLinksProperty().set(new PeerLinks(Instant.parse("2026-12-01T12:45:03Z"), Map.of(
                "node1", Map.of("node2", true, "node3", false),
                "node3", Map.of("node1", false, "node2", false)))));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertThat(link("node1-node3").getStyleClass()).contains("peer-link-cut");
        assertThat(link("node1-node3").getStrokeDashArray()).as("a cut line is dashed, not only red").isNotEmpty();
        assertThat(link("node2-node3").getStyleClass()).contains("peer-link-cut");
        assertThat(link("node1-node2").getStyleClass()).as("node2 did not say").contains("peer-link-unknown");
        assertThat(robot.lookup("#peer-links-caption").queryAs(Label.class).getText())
                .startsWith("Peer links from the diagnosis at 12:45:03");
        Line cut = link("node1-node3");
        Fx.run(() -> model.apply(Statuses.of(101, "leader", "follower", "follower"), Instant.now()));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(link("node1-node3")).as("a status refresh moves the lines, it does not rebuild them").isSameAs(cut);

        Fx.run(() -> model.peerLinksProperty().set(new PeerLinks(Instant.now(), Map.of(
                "node1", Map.of("node2", true, "node3", true), "node2", Map.of("node1", true, "node3", true),
                "node3", Map.of("node1", true, "node2", true)))));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".peer-link-both-ways").queryAll()).hasSize(3);
        assertThat(robot.lookup(".peer-link").queryAll()).as("redrawn, not added to").hasSize(3);
    }

    private Line link(String pair) {
        return robot.lookup("#peer-link-" + pair).queryAs(Line.class);
    }
}
