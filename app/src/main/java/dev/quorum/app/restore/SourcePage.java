package dev.quorum.app.restore;

import dev.quorum.app.wizard.Fields;
import dev.quorum.app.wizard.LazyViewPage;
import dev.quorum.core.snapshot.SnapshotIntegrity;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;

/** Restore page 1: a snapshot (from the store or a typed path, checked as typed) or a survivor's data. */
final class SourcePage extends LazyViewPage {
    private final RestoreChoices choices;

    SourcePage(RestoreChoices choices) {
        super("Source", choices.sourceReason().isEmpty());
        this.choices = choices;
    }

    @Override
    protected Node build() {
        ToggleGroup group = new ToggleGroup();
        RadioButton fromSnapshot = new RadioButton("From a snapshot (every write after it is lost)");
        fromSnapshot.setId("fromSnapshot");
        fromSnapshot.setToggleGroup(group);
        RadioButton fromSurvivor = new RadioButton("From a surviving member's data (no snapshot; may lose recent writes)");
        fromSurvivor.setId("fromSurvivor");
        fromSurvivor.setToggleGroup(group);
        group.selectToggle(choices.sourceProperty().get() == RestoreChoices.Source.SURVIVOR ? fromSurvivor : fromSnapshot);
        group.selectedToggleProperty().addListener((obs, old, now) -> choices.sourceProperty()
                .set(now == fromSurvivor ? RestoreChoices.Source.SURVIVOR : RestoreChoices.Source.SNAPSHOT));

        ListView<Path> saved = new ListView<>(choices.saved());
        saved.setId("savedSnapshots");
        saved.setPrefHeight(160);
        saved.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                choices.snapshotPathProperty().set(now.toString());
            }
        });
        TextField path = new TextField();
        path.setId("snapshotPath");
        path.setPromptText("/path/to/snapshot.db");
        path.textProperty().bindBidirectional(choices.snapshotPathProperty());
        saved.disableProperty().bind(fromSnapshot.selectedProperty().not());
        path.disableProperty().bind(fromSnapshot.selectedProperty().not());

        CheckBox skip = new CheckBox("Restore it without the hash check: a raw copy of member/snap/db I trust "
                + "(--skip-hash-check)");
        skip.setId("skipHashCheck");
        skip.selectedProperty().bindBidirectional(choices.skipHashCheckProperty());
        skip.visibleProperty().bind(Bindings.createBooleanBinding(() -> fromSnapshot.isSelected()
                && choices.integrityProperty().get() != null
                && choices.integrityProperty().get().state() == SnapshotIntegrity.State.RAW_DATABASE,
                fromSnapshot.selectedProperty(), choices.integrityProperty()));
        skip.managedProperty().bind(skip.visibleProperty());

        ComboBox<String> survivor = new ComboBox<>(choices.hosts());
        survivor.setId("survivorHost");
        survivor.valueProperty().bindBidirectional(choices.survivorProperty());
        survivor.disableProperty().bind(fromSurvivor.selectedProperty().not());
        CheckBox raise = new CheckBox("Raise the revisions past the old cluster's, so kube-apiserver and every "
                + "watcher list again instead of waiting for revisions it already saw (recommended; unticked: "
                + "--keep-revisions)");
        raise.setId("raiseRevisions");
        raise.setWrapText(true);
        raise.selectedProperty().bindBidirectional(choices.raiseRevisionsProperty());
        return Fields.page(Fields.heading("Restore from what?"), fromSnapshot, saved,
                Fields.withReason(path, Fields.reason("sourceReason", choices.sourceReason())), skip, fromSurvivor, survivor,
                raise,
                Fields.note("A restore is for a cluster that lost quorum for good; it is refused while the cluster "
                        + "still has quorum. A snapshot is checked here (its integrity hash) and again before anything "
                        + "on a host is touched."));
    }
}
