package dev.quorum.app.upgrade;

import dev.quorum.app.wizard.Fields;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The guards that refuse, each with its reason and what to do (Next stays disabled), or the plan's order; the
 * rollback or the downgrade offered instead where core says one could apply.
 */
final class GuardsPage extends dev.quorum.app.wizard.LazyViewPage {
    private final UpgradeChoices choices;

    GuardsPage(UpgradeChoices choices) {
        super("Guards", Bindings.createBooleanBinding(() -> choices.reason().get().isEmpty(), choices.reason()));
        this.choices = choices;
    }

    @Override
    protected Node build() {
        ObservableValue<UpgradeOutlook> outlook = choices.outlookProperty();
        CheckBox rollback = new CheckBox("Roll back instead: put the kept old binaries back (quorum upgrade --rollback)");
        rollback.setId("upgradeRollback");
        rollback.selectedProperty().bindBidirectional(choices.rollbackProperty());
        rollback.visibleProperty().bind(choices.rollbackOffered());
        rollback.managedProperty().bind(rollback.visibleProperty());
        CheckBox downgrade = new CheckBox("Downgrade instead: etcd's own downgrade, one minor back "
                + "(quorum upgrade --downgrade)");
        downgrade.setId("upgradeDowngrade");
        downgrade.selectedProperty().bindBidirectional(choices.downgradeProperty());
        downgrade.visibleProperty().bind(choices.downgradeOffered());
        downgrade.managedProperty().bind(downgrade.visibleProperty());
        VBox refusals = new VBox(10);
        refusals.setId("upgradeRefusals");
        outlook.subscribe(now -> refusals.getChildren().setAll(now == null ? java.util.List.of()
                : now.refusals().stream().map(GuardsPage::refusal).toList()));
        Label passed = new Label();
        passed.setId("upgradePlan");
        passed.setWrapText(true);
        passed.textProperty().bind(outlook.map(o -> o.refusals().isEmpty() && !o.plan().isEmpty()
                ? "Every guard passes. " + o.plan() : "").orElse(""));
        passed.visibleProperty().bind(passed.textProperty().isNotEmpty());
        passed.managedProperty().bind(passed.visibleProperty());
        return Fields.page(Fields.heading("Guards"), rollback, downgrade, refusals, passed,
                Fields.reason("upgradeReason", choices.reason()),
                Fields.note("The guards decide again when the plan runs; a refusal then stops it before anything "
                        + "changes. A member whose state is unknown refuses: nothing is upgraded on a guess."));
    }

    private static Node refusal(GuardRow row) {
        Label guard = new Label(row.guard());
        guard.getStyleClass().addAll("upgrade-guard", "danger", "text-bold");
        Label reason = new Label(row.reason());
        reason.setWrapText(true);
        Label hint = Fields.note("What to do: " + row.hint());
        VBox box = new VBox(2, guard, reason, hint);
        box.getStyleClass().add("upgrade-refusal");
        return box;
    }
}
