package dev.quorum.app.certificates;

import dev.quorum.app.controls.ContentColumnResize;
import dev.quorum.app.controls.FullTextCell;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import dev.quorum.app.cluster.ActionAvailability;
import dev.quorum.app.cluster.ClusterAction;
import dev.quorum.app.controls.RefusalTip;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** The Certificates tab: Refresh, "problems only", warn days and Renew... over the inventory table. */
public final class CertificatesView extends BorderPane {

    /** @param onRenew opens the renew wizard (the shell's action); the tab refreshes after its run */
    public CertificatesView(CertificatesViewModel model, RenewOpener onRenew) {
        this(model, onRenew, new ActionAvailability());
    }

    /** @param available whether the shown cluster allows a renewal (the events cluster does not yet, decision 0044) */
    public CertificatesView(CertificatesViewModel model, RenewOpener onRenew, ActionAvailability available) {
        setId("certificates-view");
        Button refresh = new Button("Refresh", new FontIcon(MaterialDesignR.REFRESH));
        refresh.setId("certs-refresh");
        refresh.setTooltip(new Tooltip("Read every etcd host's certificates again over SSH"));
        refresh.disableProperty().bind(model.stateProperty().isEqualTo(LoadState.LOADING)
                .or(model.stateProperty().isEqualTo(LoadState.NOT_SSH)));
        refresh.setOnAction(e -> model.refresh());
        CheckBox problemsOnly = new CheckBox("Problems only");
        problemsOnly.setId("certs-problems-only");
        problemsOnly.setTooltip(new Tooltip("Show only certificates with errors or warnings"));
        problemsOnly.selectedProperty().bindBidirectional(model.problemsOnlyProperty());
        Spinner<Integer> warnDays = new Spinner<>(0, 3650, model.warnDaysProperty().get());
        warnDays.setId("certs-warn-days");
        warnDays.setEditable(true);
        warnDays.setPrefWidth(90);
        warnDays.setTooltip(new Tooltip("Certificates expiring within this many days count as expiring "
                + "(quorum certs --warn-days)"));
        warnDays.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.warnDaysProperty().set(now);
            }
        });
        Button renew = new Button("Renew...", new FontIcon(MaterialDesignC.CERTIFICATE_OUTLINE));
        renew.setId("certs-renew");
        Node renewButton = RefusalTip.wrap(renew, available.tooltip(ClusterAction.RENEW, "Re-issue certificates "
                + "from the cluster CA, one member at a time (quorum certs renew)"),
                model.stateProperty().isNotEqualTo(LoadState.LOADED).or(available.refused(ClusterAction.RENEW)));
        // The advice's own words: a CA that ends soon is replaced, not renewed (its certificates would end with it).
        renew.textProperty().bind(Bindings.createStringBinding(() -> model.replaceCaAdvised() ? "Replace the CA..."
                : "Renew...", model.adviceProperty()));
        renew.setOnAction(e -> onRenew.open(model.warnDaysProperty().get(), model.replaceCaAdvised(), model::refresh));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, refresh, problemsOnly, new Label("Expiring within"), warnDays, new Label("days"), gap,
                renewButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.setId("certs-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        summary.visibleProperty().bind(model.summaryProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());
        Label advice = new Label();
        advice.setId("certs-advice");
        advice.setWrapText(true);
        advice.textProperty().bind(Bindings.createStringBinding(() -> model.adviceProperty().get()
                .map(a -> "Next: " + a.title() + ": " + a.reason()).orElse(""), model.adviceProperty()));
        advice.visibleProperty().bind(advice.textProperty().isNotEmpty());
        advice.managedProperty().bind(advice.visibleProperty());
        VBox top = new VBox(6, bar, summary, advice);
        top.setPadding(new Insets(6, 8, 6, 8));
        setTop(top);
        setCenter(table(model));
    }

    private static TableView<CertificateRow> table(CertificatesViewModel model) {
        TableView<CertificateRow> table = new TableView<>(model.rows());
        table.setId("certificates-table");
        table.getColumns().add(severityColumn());
        table.getColumns().add(column("Host", CertificateRow::host));
        TableColumn<CertificateRow, String> file = column("File", CertificateRow::fileName);
        file.setCellFactory(FullTextCell.factory(CertificateRow::path));
        table.getColumns().add(file);
        table.getColumns().add(column("Subject", CertificateRow::subject));
        table.getColumns().add(column("SANs", CertificateRow::sans));
        table.getColumns().add(column("Issuer", CertificateRow::issuer));
        table.getColumns().add(column("Not after", CertificateRow::notAfter));
        table.getColumns().add(daysLeftColumn());
        TableColumn<CertificateRow, String> problems = column("Problems", CertificateRow::problems);
        problems.setCellFactory(FullTextCell.factory(CertificateRow::problems)); // the whole list, however narrow
        table.getColumns().add(problems);
        ContentColumnResize.install(table);
        Label placeholder = new Label();
        placeholder.setId("certs-placeholder");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(640);
        placeholder.textProperty().bind(model.placeholderProperty());
        table.setPlaceholder(placeholder);
        return table;
    }

    /** As wide as its content (header and cells); the whole text in a tooltip where the table is too narrow. */
    private static TableColumn<CertificateRow, String> column(String title, Function<CertificateRow, String> value) {
        TableColumn<CertificateRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        column.setCellFactory(FullTextCell.factory());
        return column;
    }

    /** Typed as a number, so sorting by the header sorts by days, while the cell shows words. */
    private static TableColumn<CertificateRow, Long> daysLeftColumn() {
        TableColumn<CertificateRow, Long> column = new TableColumn<>("Days left");
        column.setPrefWidth(100);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().daysLeft().orElse(null)));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long days, boolean empty) {
                super.updateItem(days, empty);
                setText(empty ? null : DaysLeft.words(java.util.Optional.ofNullable(days)));
            }
        });
        return column;
    }

    private static TableColumn<CertificateRow, RowSeverity> severityColumn() {
        TableColumn<CertificateRow, RowSeverity> column = new TableColumn<>("State");
        column.setPrefWidth(75);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().severity()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(RowSeverity severity, boolean empty) {
                super.updateItem(severity, empty);
                getStyleClass().removeIf(s -> s.startsWith("cert-"));
                if (empty || severity == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText(severity.words());
                    setGraphic(new FontIcon(SeverityIcons.of(severity)));
                    getStyleClass().add("cert-" + severity.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        });
        return column;
    }
}
