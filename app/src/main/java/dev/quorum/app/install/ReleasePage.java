package dev.quorum.app.install;

import dev.quorum.app.wizard.Fields;
import dev.quorum.app.wizard.LazyViewPage;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.inventory.Inventory;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Install page 2: the etcd release and settings. From an inventory they are its group_vars, shown
 * read-only (change them there); for typed-in hosts they are edited here and written to the inventory.
 */
final class ReleasePage extends LazyViewPage {
    private final InstallChoices choices;

    ReleasePage(InstallChoices choices) {
        super("Release and settings", complete(choices));
        this.choices = choices;
    }

    private static BooleanBinding complete(InstallChoices choices) {
        ReleaseSettings release = choices.release();
        return Bindings.createBooleanBinding(() -> choices.sourceProperty().get() == InstallChoices.Source.INVENTORY
                        || (release.versionReason().get().isEmpty() && release.checksumReason().get().isEmpty()),
                choices.sourceProperty(), release.versionReason(), release.checksumReason());
    }

    @Override
    protected Node build() {
        Label fromInventory = new Label();
        fromInventory.setId("inventorySettings");
        fromInventory.textProperty().bind(Bindings.createStringBinding(
                () -> describe(choices.inventory().inventoryProperty().get()), choices.inventory().inventoryProperty()));
        VBox readOnly = new VBox(8, fromInventory, Fields.note("These come from the inventory and its group_vars "
                + "(etcd_version, etcd_download_url, etcd_binary_checksum, etcd_data_dir, ...). To change them, edit "
                + "those files: Quorum and Kubespray then agree."));
        Node editable = editable(choices.release());
        readOnly.visibleProperty().bind(choices.sourceProperty().isEqualTo(InstallChoices.Source.INVENTORY));
        readOnly.managedProperty().bind(readOnly.visibleProperty());
        editable.visibleProperty().bind(readOnly.visibleProperty().not());
        editable.managedProperty().bind(editable.visibleProperty());
        return Fields.page(Fields.heading("etcd release and settings"), readOnly, editable);
    }

    static String describe(Inventory inventory) {
        if (inventory == null) {
            return "";
        }
        EtcdSettings s = inventory.etcd();
        return "etcd " + s.version() + " for " + s.architecture() + "\nfrom " + s.downloadUrl()
                + "\nsha256 " + s.binaryChecksum().orElse("(none set in the inventory)")
                + "\ndata dir " + s.dataDir() + ", certificates in " + s.certDir() + ", binaries in " + s.binDir()
                + "\nheartbeat " + s.heartbeatMillis() + " ms, election timeout " + s.electionMillis() + " ms";
    }

    private static Node editable(ReleaseSettings release) {
        TextField version = new TextField();
        version.setId("etcdVersion");
        version.textProperty().bindBidirectional(release.versionProperty());
        TextField url = new TextField();
        url.setId("etcdDownloadUrl");
        url.setPromptText("empty: the official GitHub release");
        url.textProperty().bindBidirectional(release.downloadUrlProperty());
        TextField checksum = new TextField();
        checksum.setId("etcdChecksum");
        checksum.setPromptText("sha256 of the tarball (optional, advised)");
        checksum.textProperty().bindBidirectional(release.checksumProperty());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("etcd version"), version, Fields.reason("etcdVersionReason", release.versionReason()));
        grid.addRow(1, new Label("Download URL or file"), url);
        grid.addRow(2, new Label("sha256"), checksum, Fields.reason("etcdChecksumReason", release.checksumReason()));
        return grid;
    }
}
