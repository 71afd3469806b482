package dev.quorum.app.cluster;

import atlantafx.base.theme.Styles;
import dev.quorum.core.inventory.ClusterLayout;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The "main / events" switch above the cluster picture, with what the shown cluster is beside it; not shown (and
 * taking no room) for an inventory with one cluster. A view of {@link ClusterChoiceModel}.
 */
public final class ClusterChoiceBar extends HBox {

    public ClusterChoiceBar(ClusterChoiceModel model) {
        super(8);
        setId("cluster-choice");
        setAlignment(Pos.CENTER_LEFT);
        setVisible(model.offered());
        setManaged(model.offered());
        if (!model.offered()) {
            return;
        }
        ToggleGroup group = new ToggleGroup();
        List<ClusterLayout> choices = model.choices();
        HBox segments = new HBox();
        for (int i = 0; i < choices.size(); i++) {
            ClusterLayout layout = choices.get(i);
            ToggleButton button = new ToggleButton(ClusterChoiceModel.words(layout));
            button.setId("cluster-" + layout.word());
            button.setUserData(layout);
            button.setToggleGroup(group);
            button.setTooltip(new Tooltip(model.describe(layout)));
            button.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == choices.size() - 1 ? Styles.RIGHT_PILL
                    : Styles.CENTER_PILL);
            button.setSelected(layout == model.shown());
            segments.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // a click on the shown cluster's button keeps it shown
            } else {
                model.choose((ClusterLayout) now.getUserData());
            }
        });
        Label caption = new Label(model.caption());
        caption.setId("cluster-caption");
        caption.setWrapText(true);
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        HBox.setHgrow(caption, Priority.ALWAYS);
        getChildren().addAll(new Label("Cluster:"), segments, caption);
    }
}
