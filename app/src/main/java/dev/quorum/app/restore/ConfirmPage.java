package dev.quorum.app.restore;

import dev.quorum.app.wizard.Fields;
import dev.quorum.app.wizard.LazyViewPage;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** Restore page 3: what will happen, in capitals where it hurts; Next only once the name is typed. */
final class ConfirmPage extends LazyViewPage {
    private final RestoreChoices choices;

    ConfirmPage(RestoreChoices choices) {
        super("Confirm", choices.confirmReason().isEmpty());
        this.choices = choices;
    }

    @Override
    public void shown() {
        choices.typedProperty().set("");
    }

    @Override
    protected Node build() {
        Label warning = new Label();
        warning.setId("restoreWarning");
        warning.setWrapText(true);
        warning.getStyleClass().addAll("cluster-problem", "title-4");
        warning.textProperty().bind(Bindings.createStringBinding(() -> RestoreWarning.text(choices),
                choices.sourceProperty(), choices.survivorProperty(), choices.snapshotPathProperty(),
                choices.inventory().inventoryProperty(), choices.raiseRevisionsProperty()));
        Label ask = new Label();
        ask.textProperty().bind(Bindings.createStringBinding(() -> "Type " + choices.expectedConfirmation()
                + " to confirm:", choices.sourceProperty(), choices.survivorProperty(),
                choices.inventory().inventoryProperty(), choices.raiseRevisionsProperty()));
        TextField typed = new TextField();
        typed.setId("confirmation");
        typed.textProperty().bindBidirectional(choices.typedProperty());
        return Fields.page(Fields.heading("!!! DISASTER RECOVERY: THIS REPLACES THE CLUSTER !!!"), warning, ask,
                Fields.withReason(typed, Fields.reason("confirmReason", choices.confirmReason())));
    }
}
