package dev.quorum.app.overview;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The known clusters as cards, each opening its cluster; hidden (and taking no room) below two. */
public final class OverviewView extends VBox {
    static final double CARD_WIDTH = 300;

    private final FlowPane cards = new FlowPane(12, 12);

    public OverviewView(OverviewViewModel model, OverviewActions actions) {
        setId("overview");
        setSpacing(8);
        setPadding(new Insets(16, 16, 0, 16));
        visibleProperty().bind(model.shownBinding());
        managedProperty().bind(model.shownBinding());
        Label title = new Label("Your clusters");
        title.getStyleClass().add("title-3");
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(16, 16);
        progress.visibleProperty().bind(model.loadingProperty());
        HBox header = new HBox(8, title, progress);
        header.setAlignment(Pos.CENTER_LEFT);
        cards.setAlignment(Pos.CENTER);
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.setMaxHeight(360);
        scroll.getStyleClass().add("edge-to-edge");
        getChildren().addAll(header, scroll);
        // Cards change only when the list is read again: a rebuild is rare and small (at most 50 cards).
        model.cards().addListener((ListChangeListener<ClusterCardModel>) c -> fill(model, actions));
        fill(model, actions);
    }

    private void fill(OverviewViewModel model, OverviewActions actions) {
        cards.getChildren().setAll(model.cards().stream().map(card -> card(card, actions)).toList());
    }

    /**
     * A card is a focusable box, not a Button: a Button sizes its graphic at no width, so wrapped lines would stand
     * one word each. Click, Enter or Space opens the cluster.
     */
    private static VBox card(ClusterCardModel card, OverviewActions actions) {
        Label name = new Label(card.name());
        name.getStyleClass().add("title-4");
        Label health = wrapped("card-health");
        health.textProperty().bind(card.healthProperty());
        Label versions = wrapped("card-versions");
        versions.textProperty().bind(card.versionsProperty());
        Label backups = wrapped("card-backups");
        backups.textProperty().bind(card.backupsProperty());
        Label expiry = wrapped("card-expiry");
        expiry.setText(card.expiry());
        Label lastRun = wrapped("card-last-run");
        lastRun.setText(card.lastRun());
        VBox box = new VBox(4, name, health, versions, backups, expiry, lastRun);
        box.setId("card-" + card.name());
        box.getStyleClass().add("cluster-card");
        box.setPrefWidth(CARD_WIDTH);
        box.setMaxWidth(CARD_WIDTH);
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        String open = card.inventory().map(p -> "Open " + card.name() + " from " + p)
                .orElse("Quorum does not know this cluster's inventory: open it with Open an inventory...");
        // The whole paths the card writes short, below where the card opens from.
        tip.textProperty().bind(card.healthInFullProperty().map(full -> full.isEmpty() ? open : open + "\n\n" + full));
        Tooltip.install(box, tip);
        box.setDisable(card.inventory().isEmpty());
        box.setFocusTraversable(true);
        box.setOnMouseClicked(e -> card.inventory().ifPresent(actions::openInventory));
        box.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                card.inventory().ifPresent(actions::openInventory);
            }
        });
        return box;
    }

    private static Label wrapped(String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMaxWidth(CARD_WIDTH - 24);
        return label;
    }
}
