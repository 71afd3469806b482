package dev.quorum.app.restore;

import dev.quorum.app.wizard.Fields;
import dev.quorum.app.wizard.LazyViewPage;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/** Restore page 2: the hosts of the new cluster, read-only: the inventory's etcd group decides them. */
final class HostsPage extends LazyViewPage {
    private final RestoreChoices choices;

    HostsPage(RestoreChoices choices) {
        super("Hosts", new SimpleBooleanProperty(true));
        this.choices = choices;
    }

    @Override
    protected Node build() {
        ListView<String> hosts = new ListView<>(choices.hosts());
        hosts.setId("restoreHosts");
        hosts.setMouseTransparent(true);
        hosts.setFocusTraversable(false);
        hosts.setPrefHeight(160);
        TextField declared = new TextField();
        declared.setId("declaredLost");
        declared.setPromptText("e.g. etcd2, etcd3");
        declared.textProperty().bindBidirectional(choices.declaredLostProperty());
        return Fields.page(Fields.heading("The new cluster's members"), hosts,
                Fields.note("The inventory decides them: every host of its etcd group becomes a member of the "
                        + "restored cluster (survivors and new hosts alike). To change them, edit the inventory "
                        + "and open the wizard again."),
                Fields.heading("Old members gone for good (optional)"), declared,
                Fields.note("The restore acts only when the old members' own hosts show quorum is lost. A member "
                        + "whose host cannot be asked (powered off, unreachable) might still serve writes with "
                        + "others, so the review refuses until you name it here: only members you know are gone."));
    }
}
