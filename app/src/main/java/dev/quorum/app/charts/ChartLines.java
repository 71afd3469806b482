package dev.quorum.app.charts;

import dev.quorum.core.metrics.LinePoints;
import java.util.List;
import javafx.scene.chart.XYChart;

/**
 * Writes a line's points into its chart series in place: the series' existing {@code XYChart.Data} take the new
 * values, only a longer line adds some and a shorter one drops its tail. A redraw after every scrape then costs no
 * new objects once the lines are full, and a line never holds more than {@link LinePoints#capacity()}. UI thread.
 */
final class ChartLines {
    private ChartLines() {
    }

    /** x in epoch seconds (the charts' time axis), y as it is. */
    static void write(LinePoints points, XYChart.Series<Number, Number> line) {
        List<XYChart.Data<Number, Number>> data = line.getData();
        int reused = Math.min(points.size(), data.size());
        for (int i = 0; i < reused; i++) {
            XYChart.Data<Number, Number> item = data.get(i);
            double x = points.at(i) / 1000.0;
            double y = points.value(i);
            if (item.getXValue().doubleValue() != x) {
                item.setXValue(x);
            }
            if (item.getYValue().doubleValue() != y) {
                item.setYValue(y);
            }
        }
        if (data.size() > points.size()) {
            line.getData().remove(points.size(), data.size());
        } else if (points.size() > reused) {
            XYChart.Data<Number, Number>[] more = newData(points.size() - reused);
            for (int i = reused; i < points.size(); i++) {
                more[i - reused] = new XYChart.Data<>(points.at(i) / 1000.0, points.value(i));
            }
            line.getData().addAll(more);
        }
    }

    @SuppressWarnings("unchecked")
    private static XYChart.Data<Number, Number>[] newData(int n) {
        return new XYChart.Data[n];
    }
}
