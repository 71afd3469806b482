package dev.quorum.app.wizard;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/** The result page: outcome, counts, what changed, problems, and what to do next. Binds only. */
final class ResultView {
    private ResultView() {
    }

    static Node create(WizardModel wizard) {
        ResultModel model = wizard.result();
        Label headline = new Label();
        headline.setId("resultHeadline");
        headline.getStyleClass().add("title-3");
        headline.textProperty().bind(model.headlineProperty());
        Label summary = new Label();
        summary.setId("resultSummary");
        summary.textProperty().bind(model.summaryProperty());

        ListView<String> changes = new ListView<>(model.changes());
        changes.setId("resultChanges");
        changes.setPrefHeight(140);
        ListView<String> problems = new ListView<>(model.problems());
        problems.setId("resultProblems");
        problems.setPrefHeight(90);
        VBox problemBox = new VBox(4, Fields.heading("Problems"), problems);
        problemBox.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        problemBox.managedProperty().bind(problemBox.visibleProperty());

        TextArea next = new TextArea();
        next.setId("resultNext");
        next.setEditable(false);
        next.setWrapText(true);
        next.setPrefRowCount(6);
        next.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", model.next()), model.next()));

        Button again = new Button("Run again...");
        again.setId("runAgain");
        again.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> wizard.state() == WizardState.FAILED || wizard.state() == WizardState.CANCELLED,
                wizard.status().stateProperty()));
        again.managedProperty().bind(again.visibleProperty());
        again.setOnAction(e -> wizard.runAgain());
        again.setTooltip(new javafx.scene.control.Tooltip("Rebuild the plan against the cluster as it is now and "
                + "review it; steps already done check ok and change nothing"));
        Button followUp = new Button();
        followUp.setId("followUp");
        followUp.visibleProperty().bind(model.followUpProperty().isNotNull());
        followUp.managedProperty().bind(followUp.visibleProperty());
        model.followUpProperty().addListener((obs, old, offered) -> {
            followUp.setText(offered == null ? "" : offered.label());
            followUp.setTooltip(offered == null ? null : new javafx.scene.control.Tooltip(offered.tooltip()));
        });
        followUp.setOnAction(e -> {
            FollowUp offered = model.followUpProperty().get();
            if (offered != null) {
                WizardWindow.open(followUp.getScene().getWindow(), wizard.followUpWizard(offered));
            }
        });
        return Fields.page(headline, summary, Fields.heading("What changed"), changes, problemBox,
                Fields.heading("What to do next"), next, followUp, again);
    }
}
