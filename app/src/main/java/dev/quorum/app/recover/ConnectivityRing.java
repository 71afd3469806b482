package dev.quorum.app.recover;

import java.util.List;
import java.util.Map;
import java.util.HashMap;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;

/**
 * The same connectivity as a small ring: one dot per host, a line per pair. Solid: both reach
 * each other; dashed: at least one way fails; dotted: not known. Patterns, not colour alone.
 */
final class ConnectivityRing {
    private static final double SIZE = 220;
    private static final double RADIUS = 80;

    private ConnectivityRing() {
    }

    static Pane create(DiagnosisModel model) {
        Pane pane = new Pane();
        pane.setId("connectivityRing");
        pane.setPrefSize(SIZE, SIZE);
        pane.setMinSize(SIZE, SIZE);
        draw(pane, model.hosts(), model.cells());
        model.cells().addListener((ListChangeListener<MatrixCell>) change -> draw(pane, model.hosts(), model.cells()));
        return pane;
    }

    private static void draw(Pane pane, List<String> hosts, List<MatrixCell> cells) {
        pane.getChildren().clear();
        int n = hosts.size();
        Map<String, MatrixCell> byPair = new HashMap<>();
        cells.forEach(c -> byPair.put(c.from() + "\u0000" + c.to(), c));
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
            x[i] = SIZE / 2 + RADIUS * Math.cos(angle);
            y[i] = SIZE / 2 + RADIUS * Math.sin(angle);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pane.getChildren().add(line(x[i], y[i], x[j], y[j],
                        byPair.get(hosts.get(i) + "\u0000" + hosts.get(j)),
                        byPair.get(hosts.get(j) + "\u0000" + hosts.get(i))));
            }
        }
        for (int i = 0; i < n; i++) {
            Circle dot = new Circle(x[i], y[i], 7);
            dot.getStyleClass().add("ring-host");
            dot.setStyle("-fx-fill: -color-accent-emphasis;");
            Label name = new Label(hosts.get(i));
            name.setLayoutX(x[i] + 9);
            name.setLayoutY(y[i] - 8);
            pane.getChildren().addAll(dot, name);
        }
    }

    private static Line line(double x1, double y1, double x2, double y2, MatrixCell there, MatrixCell back) {
        Line line = new Line(x1, y1, x2, y2);
        line.setStrokeWidth(2);
        boolean fails = no(there) || no(back);
        boolean unknown = there == null || back == null || there.text().equals("?") || back.text().equals("?");
        if (fails) {
            line.getStrokeDashArray().setAll(8.0, 6.0);
            line.setStyle("-fx-stroke: -color-danger-emphasis;");
        } else if (unknown) {
            line.getStrokeDashArray().setAll(2.0, 5.0);
            line.setStyle("-fx-stroke: -color-fg-muted;");
        } else {
            line.setStyle("-fx-stroke: -color-success-emphasis;");
        }
        return line;
    }

    private static boolean no(MatrixCell cell) {
        return cell != null && cell.text().equals("NO");
    }
}
