package dev.quorum.app.welcome;

import java.io.File;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** Three ways in: an existing Kubespray inventory, a new cluster, or the local sandbox. */
public final class WelcomeView extends VBox {

    public WelcomeView(WelcomeViewModel model, WelcomeActions actions) {
        setId("welcome");
        getStyleClass().add("welcome");
        setAlignment(Pos.CENTER);
        setSpacing(18);
        Label title = new Label("Quorum");
        title.getStyleClass().add("title-1");
        Label subtitle = new Label("The whole life of an etcd cluster: install, watch, add, replace, recover.");
        subtitle.getStyleClass().add("text-muted");
        Button open = big("open-inventory", "Open an inventory...", MaterialDesignF.FOLDER_OPEN_OUTLINE,
                "Open a Kubespray inventory (hosts.yaml); its etcd group is the cluster");
        open.setOnAction(e -> chooseInventory(actions));
        Button create = big("create-cluster", "Create a new cluster...", MaterialDesignP.PLUS_CIRCLE_OUTLINE,
                "Install etcd on the hosts of an inventory");
        create.setOnAction(e -> actions.createCluster());
        Button sandbox = big("local-sandbox", "Local sandbox", MaterialDesignL.LAPTOP,
                "Start three etcd members on this machine (127.77.0.1-3) and open them: no servers needed");
        sandbox.setOnAction(e -> actions.openSandbox());
        HBox buttons = new HBox(16, open, create, sandbox);
        buttons.setAlignment(Pos.CENTER);
        buttons.disableProperty().bind(model.busyProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(model.busyProperty());
        Label message = new Label();
        message.setId("welcome-message");
        message.textProperty().bind(model.messageProperty());
        Label error = new Label();
        error.setId("welcome-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setMaxWidth(720);
        error.textProperty().bind(model.errorProperty());
        HBox working = new HBox(8, progress, message);
        working.setAlignment(Pos.CENTER);
        getChildren().addAll(title, subtitle, buttons, working, error);
    }

    private static Button big(String id, String text, Ikon icon, String tooltip) {
        FontIcon graphic = new FontIcon(icon);
        graphic.setIconSize(36);
        Button button = new Button(text, graphic);
        button.setId(id);
        button.setContentDisplay(ContentDisplay.TOP);
        button.setPrefSize(220, 120);
        button.setTooltip(new Tooltip(tooltip));
        button.getStyleClass().add("welcome-button");
        return button;
    }

    private void chooseInventory(WelcomeActions actions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a Kubespray inventory");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Ansible inventory (YAML or INI)", "*.yaml", "*.yml", "*.ini"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            actions.openInventory(file.toPath());
        }
    }
}
