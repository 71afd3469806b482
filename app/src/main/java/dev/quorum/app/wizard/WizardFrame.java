package dev.quorum.app.wizard;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The frame every wizard shares: its steps listed on the left (the current one marked), one page
 * at a time in the middle, Back / Next / Cancel below. Binds to the {@link WizardModel} only.
 */
public final class WizardFrame {
    private final WizardModel model;
    private final Runnable closeWindow;
    private final List<Node> views = new ArrayList<>();
    private final StackPane center = new StackPane();

    public WizardFrame(WizardModel model, Runnable closeWindow) {
        this.model = model;
        this.closeWindow = closeWindow;
    }

    public BorderPane build() {
        BorderPane root = new BorderPane();
        root.setLeft(stepList());
        center.setPadding(new Insets(16));
        root.setCenter(center);
        root.setBottom(buttons());
        for (int i = 0; i < model.resultPage() + 1; i++) {
            views.add(null);
        }
        show(model.indexProperty().get());
        model.indexProperty().addListener((obs, old, now) -> show(now.intValue()));
        return root;
    }

    private void show(int index) {
        if (views.get(index) == null) {
            views.set(index, create(index));
        }
        center.getChildren().setAll(views.get(index));
    }

    private Node create(int index) {
        if (index < model.reviewPage()) {
            Node view = model.inputs().get(index).view();
            ScrollPane scroll = new ScrollPane(view);
            scroll.setFitToWidth(true);
            return scroll;
        }
        if (index == model.reviewPage()) {
            return ReviewView.create(model.review());
        }
        return index == model.runPage() ? RunView.create(model.run()) : ResultView.create(model);
    }

    private VBox stepList() {
        VBox list = new VBox(6);
        list.setId("wizardSteps");
        list.setPadding(new Insets(16));
        // A width for the usual names; a longer one (or a wider font) wraps onto a second line, never ends in "...".
        list.setPrefWidth(230);
        list.setMinWidth(Region.USE_PREF_SIZE);
        list.getStyleClass().add("wizard-steps");
        List<String> titles = model.stepTitles();
        for (int i = 0; i < titles.size(); i++) {
            int page = i;
            Label label = new Label((i + 1) + ". " + titles.get(i));
            label.getStyleClass().add("wizard-step");
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE); // all its lines, however many steps
            FontIcon marker = new FontIcon("mdi2c-chevron-right");
            label.graphicProperty().bind(Bindings.when(model.indexProperty().isEqualTo(page))
                    .then((Node) marker).otherwise((Node) null));
            label.styleProperty().bind(Bindings.when(model.indexProperty().isEqualTo(page))
                    .then("-fx-font-weight: bold;").otherwise(""));
            list.getChildren().add(label);
        }
        return list;
    }

    private HBox buttons() {
        Button back = new Button("Back");
        back.setId("back");
        back.setTooltip(new Tooltip("The previous page; nothing is lost"));
        back.disableProperty().bind(model.canBack().not());
        back.setOnAction(e -> model.back());
        Button next = new Button();
        next.setId("next");
        next.setDefaultButton(true);
        next.textProperty().bind(model.nextText());
        next.setTooltip(new Tooltip("Go on; on the review page this runs the plan"));
        next.disableProperty().bind(model.canNext().not());
        next.setOnAction(e -> model.next());
        Button cancel = new Button();
        cancel.setId("cancel");
        cancel.setCancelButton(true);
        cancel.textProperty().bind(model.cancelText());
        cancel.setTooltip(new Tooltip("Before a run: close without changing anything. During a run: stop safely "
                + "after the current step."));
        cancel.disableProperty().bind(model.run().cancellingProperty());
        cancel.setOnAction(e -> {
            if (model.cancel()) {
                closeWindow.run();
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, gap, back, next, cancel);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(10, 16, 12, 16));
        return bar;
    }
}
