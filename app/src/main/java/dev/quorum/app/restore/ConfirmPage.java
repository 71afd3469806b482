package dev.quorum.app.restore;

import dev.quorum.app.wizard.Fields;
import dev.quorum.app.wizard.WizardPage;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** Restore page 3: what will happen, in capitals where it hurts; Next only once the name is typed. */
final class ConfirmPage implements WizardPage {
    private final RestoreChoices choices;
    private final ObservableBooleanValue complete;
    private Node view;

    ConfirmPage(RestoreChoices choices) {
        this.choices = choices;
        this.complete = choices.confirmReason().isEmpty();
    }

    @Override
    public String title() {
        return "Confirm";
    }

    @Override
    public ObservableBooleanValue complete() {
        return complete;
    }

    @Override
    public void shown() {
        choices.typedProperty().set("");
    }

    @Override
    public Node view() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    private Node build() {
        Label warning = new Label();
        warning.setId("restoreWarning");
        warning.setWrapText(true);
        warning.getStyleClass().addAll("cluster-problem", "title-4");
        warning.textProperty().bind(Bindings.createStringBinding(() -> RestoreWarning.text(choices),
                choices.sourceProperty(), choices.survivorProperty(), choices.snapshotPathProperty(),
                choices.inventory().inventoryProperty()));
        Label ask = new Label();
        ask.textProperty().bind(Bindings.createStringBinding(() -> "Type " + choices.expectedConfirmation()
                + " to confirm:", choices.sourceProperty(), choices.survivorProperty(),
                choices.inventory().inventoryProperty()));
        TextField typed = new TextField();
        typed.setId("confirmation");
        typed.textProperty().bindBidirectional(choices.typedProperty());
        return Fields.page(Fields.heading("!!! DISASTER RECOVERY: THIS REPLACES THE CLUSTER !!!"), warning, ask,
                Fields.withReason(typed, Fields.reason("confirmReason", choices.confirmReason())));
    }
}
