package dev.quorum.app.wizard;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The host keys of the chosen hosts, one line each, and the consent box for new ones. Binds only. */
public final class HostKeysView {
    private HostKeysView() {
    }

    public static Node create(HostKeysModel model) {
        Label keys = new Label();
        keys.setId("hostKeys");
        keys.setWrapText(true);
        keys.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", model.entries().stream()
                .map(e -> e.host() + ": " + e.describe() + (e.problem().isEmpty() || e.unknown() ? ""
                        : " (" + e.problem() + ")")).toList()), model.entries()));
        CheckBox trust = model.trust().box(model.checkingProperty());
        VBox box = new VBox(6, Fields.heading("SSH host keys"), keys, trust);
        box.visibleProperty().bind(Bindings.isNotEmpty(model.entries()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
