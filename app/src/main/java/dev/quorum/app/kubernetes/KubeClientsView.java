package dev.quorum.app.kubernetes;

import dev.quorum.app.controls.ContentColumnResize;
import dev.quorum.app.controls.FullTextCell;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** The Kubernetes tab: Refresh and a summary over one row per Kubernetes host. */
public final class KubeClientsView extends BorderPane {

    public KubeClientsView(KubeClientsViewModel model) {
        setId("kube-clients-view");
        Button refresh = new Button("Refresh", new FontIcon(MaterialDesignR.REFRESH));
        refresh.setId("kube-refresh");
        refresh.setTooltip(new Tooltip("Read every Kubernetes host's node certificate and kube-apiserver manifest again"));
        refresh.disableProperty().bind(model.stateProperty().isEqualTo(KubeClientsViewModel.State.LOADING));
        refresh.setOnAction(e -> model.refresh());
        Label summary = new Label();
        summary.setId("kube-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        HBox bar = new HBox(8, refresh, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, bar);
        top.setPadding(new Insets(6, 8, 6, 8));
        setTop(top);
        setCenter(table(model));
    }

    private static TableView<KubeClientRow> table(KubeClientsViewModel model) {
        TableView<KubeClientRow> table = new TableView<>(model.rows());
        table.setId("kube-clients-table");
        table.getColumns().add(column("Host", KubeClientRow::host));
        table.getColumns().add(column("Role", KubeClientRow::role));
        table.getColumns().add(column("SSH", KubeClientRow::reach));
        table.getColumns().add(column("Node certificate", KubeClientRow::certificate));
        table.getColumns().add(column("Signed by", KubeClientRow::signedBy));
        TableColumn<KubeClientRow, String> apiserver = column("kube-apiserver --etcd-servers", KubeClientRow::apiserver);
        apiserver.setCellFactory(FullTextCell.factory(KubeClientRow::detail));
        table.getColumns().add(apiserver);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(KubeClientRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("kube-attention");
                if (!empty && row != null && row.attention()) {
                    getStyleClass().add("kube-attention");
                }
            }
        });
        ContentColumnResize.install(table);
        Label placeholder = new Label();
        placeholder.setId("kube-placeholder");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(640);
        placeholder.textProperty().bind(model.placeholderProperty());
        table.setPlaceholder(placeholder);
        return table;
    }

    private static TableColumn<KubeClientRow, String> column(String title, Function<KubeClientRow, String> value) {
        TableColumn<KubeClientRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        column.setCellFactory(FullTextCell.factory());
        return column;
    }
}
