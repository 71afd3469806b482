package dev.quorum.app.shell;

import dev.quorum.app.cluster.ClusterHealth;
import dev.quorum.app.cluster.ClusterViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

/** Health in words, the leader, and when the status was last read: bound to the cluster shown. */
final class StatusBar extends HBox {
    private final FontIcon icon = new FontIcon(MaterialDesignH.HELP_CIRCLE_OUTLINE);
    private final Label sentence = new Label("no cluster open");
    private final Label leader = new Label("");
    private final Label refreshed = new Label("");
    private final javafx.beans.value.ChangeListener<ClusterHealth> healthChanged = (obs, old, now) -> style(now);
    private ClusterViewModel current;

    StatusBar() {
        setId("status-bar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        setPadding(new Insets(4, 10, 4, 10));
        sentence.setId("status-sentence");
        leader.setId("status-leader");
        refreshed.setId("status-refresh");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(icon, sentence, new Separator(Orientation.VERTICAL), leader, spacer, refreshed);
    }

    void show(ClusterViewModel model) {
        sentence.textProperty().bind(model.sentenceProperty());
        leader.textProperty().bind(model.leaderProperty());
        refreshed.textProperty().bind(model.lastRefreshProperty());
        icon.iconCodeProperty().bind(model.healthProperty().map(StatusBar::iconOf));
        if (current != null) {
            current.healthProperty().removeListener(healthChanged);
        }
        current = model;
        model.healthProperty().addListener(healthChanged);
        style(model.healthProperty().get());
    }

    private void style(ClusterHealth health) {
        getStyleClass().removeIf(c -> c.startsWith("health-"));
        getStyleClass().add("health-" + health.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    private static Ikon iconOf(ClusterHealth health) {
        return switch (health) {
            case HEALTHY -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
            case DEGRADED -> MaterialDesignA.ALERT_OUTLINE;
            case QUORUM_LOST -> MaterialDesignC.CLOSE_OCTAGON_OUTLINE;
            case UNKNOWN -> MaterialDesignH.HELP_CIRCLE_OUTLINE;
        };
    }
}
