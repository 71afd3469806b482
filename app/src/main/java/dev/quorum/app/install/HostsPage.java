package dev.quorum.app.install;

import dev.quorum.app.wizard.Fields;
import dev.quorum.app.wizard.InventoryPage;
import dev.quorum.app.wizard.LazyViewPage;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Install page 1: hosts from a Kubespray inventory, or typed in. */
final class HostsPage extends LazyViewPage {
    private final InstallChoices choices;

    HostsPage(InstallChoices choices) {
        super("Hosts", complete(choices));
        this.choices = choices;
    }

    private static BooleanBinding complete(InstallChoices choices) {
        TypedHosts typed = choices.typed();
        return Bindings.createBooleanBinding(() -> choices.sourceProperty().get() == InstallChoices.Source.INVENTORY
                        ? choices.inventory().inventoryProperty().get() != null
                        : typed.clusterReason().get().isEmpty() && typed.hostsReason().get().isEmpty()
                        && typed.sshReason().get().isEmpty(),
                choices.sourceProperty(), choices.inventory().inventoryProperty(), typed.clusterReason(),
                typed.hostsReason(), typed.sshReason());
    }

    @Override
    protected Node build() {
        ToggleGroup group = new ToggleGroup();
        RadioButton fromInventory = new RadioButton("From a Kubespray inventory");
        fromInventory.setId("fromInventory");
        RadioButton typeIn = new RadioButton("Type in the hosts");
        typeIn.setId("typeHosts");
        fromInventory.setToggleGroup(group);
        typeIn.setToggleGroup(group);
        group.selectToggle(choices.sourceProperty().get() == InstallChoices.Source.INVENTORY ? fromInventory : typeIn);
        group.selectedToggleProperty().addListener((obs, old, now) -> choices.sourceProperty().set(
                now == typeIn ? InstallChoices.Source.TYPED : InstallChoices.Source.INVENTORY));

        Node inventory = new InventoryPage(choices.inventory(),
                "Its etcd group is installed; group_vars beside it are read too.").view();
        Node typed = typedHosts(choices.typed());
        inventory.visibleProperty().bind(fromInventory.selectedProperty());
        inventory.managedProperty().bind(inventory.visibleProperty());
        typed.visibleProperty().bind(typeIn.selectedProperty());
        typed.managedProperty().bind(typed.visibleProperty());
        return Fields.page(Fields.heading("Where are the hosts?"), fromInventory, typeIn, inventory, typed);
    }

    private static Node typedHosts(TypedHosts typed) {
        TextField cluster = new TextField();
        cluster.setId("clusterName");
        cluster.setPromptText("mycluster");
        cluster.textProperty().bindBidirectional(typed.clusterNameProperty());
        TextArea lines = new TextArea();
        lines.setId("hostLines");
        lines.setPromptText("node1 10.0.0.11\nnode2 10.0.0.12\nnode3 10.0.0.13");
        lines.setPrefRowCount(5);
        lines.textProperty().bindBidirectional(typed.linesProperty());
        TextField user = new TextField();
        user.setId("sshUser");
        user.textProperty().bindBidirectional(typed.sshUserProperty());
        TextField key = new TextField();
        key.setId("sshKey");
        key.setPromptText("optional: ~/.ssh keys and the ssh-agent are tried");
        key.textProperty().bindBidirectional(typed.keyFileProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Cluster name"), cluster, Fields.reason("clusterNameReason", typed.clusterReason()));
        grid.addRow(1, new Label("Hosts (NAME ADDRESS)"), lines, Fields.reason("hostLinesReason", typed.hostsReason()));
        grid.addRow(2, new Label("SSH user"), user, Fields.reason("sshReason", typed.sshReason()));
        grid.addRow(3, new Label("SSH key file"), key);
        return new VBox(8, grid, Fields.note("Quorum writes a Kubespray inventory for these hosts to "
                + "~/.quorum/clusters/NAME/hosts.yaml, so the CLI (quorum -i) and Kubespray can use it too."));
    }
}
