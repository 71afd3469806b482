package dev.quorum.app.adopt;

import atlantafx.base.theme.Styles;
import dev.quorum.app.wizard.Fields;
import dev.quorum.app.wizard.HostKeysView;
import dev.quorum.app.wizard.LazyViewPage;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;

/** Adopt page: what adoption does, the etcd hosts' keys, and the choice to take the CA key off the hosts. */
final class AdoptPage extends LazyViewPage {
    private final AdoptChoices choices;

    AdoptPage(AdoptChoices choices) {
        super("Adopt", Bindings.createBooleanBinding(choices::ready, choices.inventory().inventoryProperty(),
                choices.keys().allKnownProperty(), choices.keys().checkingProperty()));
        this.choices = choices;
    }

    @Override
    protected Node build() {
        Label where = new Label();
        where.setId("adoptWhere");
        where.setWrapText(true);
        where.textProperty().bind(choices.where());
        CheckBox removeKey = new CheckBox("Remove the CA key (ca-key.pem) from the etcd hosts afterwards");
        removeKey.setId("removeCaKey");
        removeKey.selectedProperty().bindBidirectional(choices.removeCaKeyProperty());
        Label risk = new Label("Risk either way. Kept on the hosts, anyone who can read it there can issue "
                + "certificates etcd trusts. Removed, Kubespray's next run of its etcd role finds no CA key on the "
                + "first etcd host and makes a NEW CA, re-issuing every certificate and restarting every member at "
                + "once: copy the workstation's ca-key.pem back to the first etcd host before running Kubespray "
                + "again. It is removed only where it is the same key as the one imported.");
        risk.setId("removeCaKeyRisk");
        risk.setWrapText(true);
        risk.getStyleClass().add(Styles.WARNING);
        return Fields.page(Fields.heading("Take over a cluster Kubespray installed"),
                Fields.note("Each etcd host's /etc/etcd.env and unit are checked against the inventory (every "
                        + "mismatch names the inventory variable to set), the CA is imported to this workstation, "
                        + "then Quorum checks it reaches every member over TLS. etcd itself is not touched."),
                where, HostKeysView.create(choices.keys()), Fields.reason("adoptReason", choices.reason()),
                removeKey, risk);
    }
}
