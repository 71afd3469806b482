package dev.quorum.app.recover;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.kordamp.ikonli.javafx.FontIcon;

/** The host x host matrix (row: from, column: to): text and an icon per cell, the diagonal blank. */
final class ConnectivityMatrix {
    private ConnectivityMatrix() {
    }

    static GridPane create(DiagnosisModel model) {
        GridPane grid = new GridPane();
        grid.setId("connectivityMatrix");
        grid.setHgap(14);
        grid.setVgap(6);
        grid.setPadding(new Insets(4));
        fill(grid, model.hosts(), model.cells());
        model.cells().addListener((ListChangeListener<MatrixCell>) change -> fill(grid, model.hosts(), model.cells()));
        return grid;
    }

    private static void fill(GridPane grid, List<String> hosts, List<MatrixCell> cells) {
        grid.getChildren().clear();
        if (hosts.isEmpty()) {
            return;
        }
        grid.add(new Label("from \\ to"), 0, 0);
        for (int i = 0; i < hosts.size(); i++) {
            grid.add(bold(hosts.get(i)), i + 1, 0);
            grid.add(bold(hosts.get(i)), 0, i + 1);
        }
        for (int k = 0; k < cells.size() && k < hosts.size() * hosts.size(); k++) {
            grid.add(cell(cells.get(k)), k % hosts.size() + 1, k / hosts.size() + 1);
        }
    }

    private static Label bold(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold;");
        return label;
    }

    private static Node cell(MatrixCell cell) {
        Label label = new Label(cell.text());
        label.setId("cell-" + cell.from() + "-" + cell.to());
        if (!cell.icon().isEmpty()) {
            label.setGraphic(new FontIcon(cell.icon()));
        }
        if (cell.text().equals("NO")) {
            label.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        }
        return label;
    }
}
