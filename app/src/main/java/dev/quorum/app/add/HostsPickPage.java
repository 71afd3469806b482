package dev.quorum.app.add;

import dev.quorum.app.wizard.Fields;
import dev.quorum.app.wizard.HostKeysView;
import dev.quorum.app.wizard.LazyViewPage;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Add page: pick the inventory hosts that are not members yet. */
final class HostsPickPage extends LazyViewPage {
    private final AddChoices choices;

    HostsPickPage(AddChoices choices) {
        super("Hosts to add", Bindings.createBooleanBinding(() -> choices.hostsReason().get().isEmpty()
                        && choices.keys().allKnownProperty().get() && !choices.keys().checkingProperty().get(),
                choices.hostsReason(), choices.keys().allKnownProperty(), choices.keys().checkingProperty()));
        this.choices = choices;
    }

    @Override
    public void shown() {
        choices.loadHosts();
    }

    private void fill(VBox boxes) {
        boxes.getChildren().clear();
        for (String host : choices.cluster().freeHosts()) {
            CheckBox box = new CheckBox(host);
            box.setId("host-" + host);
            box.setSelected(choices.chosen().contains(host));
            box.selectedProperty().addListener((obs, was, now) -> {
                if (now && !choices.chosen().contains(host)) {
                    choices.chosen().add(host);
                } else if (!now) {
                    choices.chosen().remove(host);
                }
            });
            boxes.getChildren().add(box);
        }
    }

    @Override
    protected Node build() {
        VBox boxes = new VBox(6);
        boxes.setId("freeHosts");
        fill(boxes);
        choices.cluster().freeHosts().addListener((ListChangeListener<String>) change -> fill(boxes));
        Label status = new Label();
        status.setId("clusterStatus");
        status.textProperty().bind(choices.cluster().statusProperty());
        return Fields.page(Fields.heading("Which hosts join?"), status,
                Fields.note("Inventory hosts that are not members. Each joins as a learner and is promoted once "
                        + "caught up, one host after the other; a snapshot is taken first."),
                boxes, Fields.reason("hostsReason", choices.hostsReason()),
                HostKeysView.create(choices.keys()), Fields.reason("hostKeysReason", choices.keys().reason()));
    }
}
