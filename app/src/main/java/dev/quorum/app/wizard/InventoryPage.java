package dev.quorum.app.wizard;

import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryHost;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;

/** Page: choose the cluster's inventory (path field + Browse), with the reason beside it. */
public final class InventoryPage extends LazyViewPage {
    private final InventoryChoice choice;
    private final String intro;

    public InventoryPage(InventoryChoice choice, String intro) {
        super("Inventory", choice.inventoryProperty().isNotNull());
        this.choice = choice;
        this.intro = intro;
    }

    /**
     * The wizard's first pages: this one while the inventory is not known; none when it is given
     * (opened from the cluster picture), which is then chosen. The list is for the wizard to add to.
     */
    public static List<WizardPage> unlessGiven(InventoryChoice choice, Path given, String intro) {
        List<WizardPage> pages = new ArrayList<>();
        if (given == null) {
            pages.add(new InventoryPage(choice, intro));
        } else {
            choice.pathProperty().set(given.toString());
        }
        return pages;
    }

    @Override
    protected Node build() {
        TextField path = new TextField();
        path.setId("inventoryPath");
        path.setPromptText("/path/to/inventory/mycluster/hosts.yaml");
        path.textProperty().bindBidirectional(choice.pathProperty());
        path.setPrefColumnCount(40);
        Button browse = new Button("Browse...");
        browse.setId("browseInventory");
        browse.setTooltip(new Tooltip("Choose the Kubespray inventory file"));
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Kubespray inventory");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Ansible inventory (YAML or INI)", "*.yaml", "*.yml", "*.ini"));
            File file = chooser.showOpenDialog(browse.getScene().getWindow());
            if (file != null) {
                choice.pathProperty().set(file.getPath());
            }
        });
        Label summary = new Label();
        summary.setId("inventorySummary");
        summary.setWrapText(true);
        summary.textProperty().bind(Bindings.createStringBinding(() -> describe(choice.inventoryProperty().get()),
                choice.inventoryProperty()));
        return Fields.page(Fields.heading("Which cluster?"), Fields.note(intro),
                Fields.withReason(new javafx.scene.layout.HBox(6, path, browse),
                        Fields.reason("inventoryReason", choice.reasonProperty())), summary);
    }

    static String describe(Inventory inventory) {
        if (inventory == null) {
            return "";
        }
        String etcd = inventory.etcdMembers().stream().map(EtcdMember::hostName).collect(Collectors.joining(", "));
        String others = inventory.hosts().stream().map(InventoryHost::name)
                .filter(h -> inventory.member(h).isEmpty()).collect(Collectors.joining(", "));
        return "Cluster " + inventory.clusterName() + ": etcd group " + etcd
                + (others.isEmpty() ? "" : "; other hosts " + others) + "; etcd " + inventory.etcd().version();
    }
}
