package dev.quorum.app.recover;

import atlantafx.base.theme.Styles;
import dev.quorum.app.wizard.Fields;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The recommended action as the primary button, then the other options with their commands and risks. */
final class ActionsView {
    private ActionsView() {
    }

    static Node create(DiagnosisModel model, Runnable recover) {
        Label title = new Label();
        title.setId("recommendedTitle");
        title.setWrapText(true);
        title.setStyle("-fx-font-weight: bold;");
        Label command = command("recommendedCommand");
        Label risk = new Label();
        risk.setId("recommendedRisk");
        risk.setWrapText(true);
        Button act = new Button();
        act.setId("recommendedAction");
        act.getStyleClass().add(Styles.ACCENT);
        act.setTooltip(new Tooltip("The action the diagnosis recommends"));
        Runnable show = () -> {
            ActionRow a = model.recommendedProperty().get();
            title.setText(a == null ? "" : "Recommended: " + a.title());
            command.setText(a == null ? "" : a.command());
            risk.setText(a == null ? "" : a.riskText());
            act.setText(a == null ? "" : a.kind().button());
            act.setGraphic(a == null ? null : new FontIcon(icon(a.kind())));
            act.setVisible(a != null);
        };
        show.run();
        model.recommendedProperty().addListener((obs, old, now) -> show.run());
        act.setOnAction(e -> {
            ActionRow a = model.recommendedProperty().get();
            if (a != null) {
                switch (a.kind()) {
                    case RECOVER -> recover.run();
                    case DIAGNOSE -> model.refresh();
                    case OPEN_WIZARD -> model.open(a);
                    case COPY -> copy(a.command());
                }
            }
        });
        VBox others = new VBox(8);
        others.setId("alternatives");
        Runnable fill = () -> others.getChildren().setAll(model.alternatives().stream().map(a -> other(model, a))
                .toList());
        fill.run();
        model.alternatives().addListener((ListChangeListener<ActionRow>) change -> fill.run());
        Label othersHeading = Fields.note("Other options:");
        othersHeading.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.alternatives()));
        othersHeading.managedProperty().bind(othersHeading.visibleProperty());
        return new VBox(6, title, command, risk, act, othersHeading, others);
    }

    private static Node other(DiagnosisModel model, ActionRow a) {
        Label title = new Label(a.title());
        title.setWrapText(true);
        title.setGraphic(new FontIcon("mdi2c-chevron-right"));
        Label command = command(null);
        command.setText(a.command());
        Label risk = new Label(a.riskText());
        risk.setWrapText(true);
        risk.getStyleClass().add(a.risk().isEmpty() ? Styles.TEXT_MUTED : Styles.WARNING);
        VBox box = new VBox(2, title, command, risk);
        if (a.kind() == ActionRow.Kind.OPEN_WIZARD) {
            Button open = new Button(a.kind().button(), new FontIcon(icon(a.kind())));
            open.setOnAction(e -> model.open(a));
            box.getChildren().add(open);
        }
        box.getStyleClass().add("alternative-action");
        return box;
    }

    private static Label command(String id) {
        Label label = new Label();
        label.setId(id);
        label.setStyle("-fx-font-family: monospace;");
        label.setWrapText(true);
        return label;
    }

    private static String icon(ActionRow.Kind kind) {
        return switch (kind) {
            case RECOVER -> "mdi2m-medical-bag";
            case DIAGNOSE -> "mdi2r-refresh";
            case OPEN_WIZARD -> "mdi2o-open-in-new";
            case COPY -> "mdi2c-content-copy";
        };
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
