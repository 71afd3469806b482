package dev.quorum.app.charts;

import dev.quorum.core.metrics.MetricSeries;
import java.time.ZoneId;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Charts tab: the range, one line chart per metric (two columns), the timeline under them. Built once, bound. */
public final class ChartsView extends BorderPane {
    static final int COLUMNS = 2;
    static final double GAP = 8;
    /**
     * Every chart's value axis is this wide (labels made short to fit), so the plot areas of one column start at
     * the same x and the column's time axes, and the timeline strip under them, line up to the pixel.
     */
    static final double VALUE_AXIS_WIDTH = 64;

    public ChartsView(ChartsViewModel model, ZoneId zone) {
        setId("charts-view");
        ChoiceBox<ChartRange> range = new ChoiceBox<>();
        range.setId("charts-range");
        range.getItems().setAll(ChartRange.values());
        range.valueProperty().bindBidirectional(model.rangeProperty());
        Label status = new Label();
        status.setId("charts-status");
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(8, new Label("Last"), range, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        Label problem = new Label();
        problem.setId("charts-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        GridPane grid = new GridPane();
        grid.setHgap(GAP);
        grid.setVgap(GAP);
        for (int c = 0; c < COLUMNS; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / COLUMNS);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        MetricSeries[] all = MetricSeries.values();
        NumberAxis[] lowest = new NumberAxis[COLUMNS];
        for (int i = 0; i < all.length; i++) {
            LineChart<Number, Number> chart = chart(model, all[i], zone);
            grid.add(chart, i % COLUMNS, i / COLUMNS);
            lowest[i % COLUMNS] = (NumberAxis) chart.getXAxis();
        }
        TimelineView timeline = new TimelineView(model, zone, List.of(lowest));
        VBox content = new VBox(8, problem, grid, timeline);
        content.setPadding(new Insets(0, 8, 8, 8));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        setTop(bar);
        setCenter(scroll);
    }

    private static LineChart<Number, Number> chart(ChartsViewModel model, MetricSeries series, ZoneId zone) {
        NumberAxis time = timeAxis(model, zone);
        NumberAxis values = new NumberAxis();
        values.setForceZeroInRange(false);
        if (series.isShareOfLimit()) {
            values.setAutoRanging(false);
            values.setLowerBound(0);
            values.setUpperBound(100);
            values.setTickUnit(25);
        }
        values.setLabel(series.unit());
        values.setMinWidth(VALUE_AXIS_WIDTH);
        values.setPrefWidth(VALUE_AXIS_WIDTH);
        values.setMaxWidth(VALUE_AXIS_WIDTH);
        values.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return ValueWords.compact(value.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("the axis is not edited");
            }
        });
        LineChart<Number, Number> chart = new LineChart<>(time, values, model.lines(series));
        chart.setId("chart-" + series.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        chart.setTitle(series.title());
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setPrefHeight(220);
        chart.setMinHeight(180);
        // Room for half the last time label, which the axis centres on the chart's right edge: without it the
        // right-hand column's label ran under the scroll bar.
        chart.setPadding(new Insets(5, 32, 5, 5));
        return chart;
    }

    /** Epoch seconds from the model's bounds, labelled as the time of day; the timeline strips place their marks by it. */
    static NumberAxis timeAxis(ChartsViewModel model, ZoneId zone) {
        NumberAxis time = new NumberAxis();
        time.setAutoRanging(false);
        time.setAnimated(false);
        time.lowerBoundProperty().bind(model.lowerBoundProperty());
        time.upperBoundProperty().bind(model.upperBoundProperty());
        time.tickUnitProperty().bind(model.upperBoundProperty().subtract(model.lowerBoundProperty()).divide(5));
        time.setMinorTickVisible(false);
        time.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return TimeWords.axis(seconds, zone);
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("the axis is not edited");
            }
        });
        return time;
    }
}
