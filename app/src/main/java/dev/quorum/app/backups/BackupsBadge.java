package dev.quorum.app.backups;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/** The cluster's warning badge, shown only while its scheduled backups are stale or failed; a click shows why. */
public final class BackupsBadge extends Label {

    public BackupsBadge(BackupsViewModel model, Runnable onClick) {
        setId("backups-badge");
        setGraphic(new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        getStyleClass().add("cluster-problem");
        textProperty().bind(model.badgeTextProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(model.healthTextProperty());
        setTooltip(tip);
        visibleProperty().bind(model.attentionProperty());
        managedProperty().bind(visibleProperty());
        setOnMouseClicked(e -> onClick.run());
    }
}
