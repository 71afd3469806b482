package dev.quorum.app.bench;

import java.util.List;
import java.util.Locale;

/** Median, 99th percentile and extremes of a series, as the report prints them. */
record Figures(double median, double p99, double min, double max, int count) {

    static Figures of(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return new Figures(sorted.get(n / 2), sorted.get(Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)),
                sorted.get(0), sorted.get(n - 1), n);
    }

    /** Seconds to the hundredth: a goal of 1 s is not judged on a median printed as "1.0". */
    String format(String unit) {
        String number = "s".equals(unit) ? "%.2f" : "%.1f";
        return String.format(Locale.ROOT, "median " + number + " %s, p99 " + number + " %s, min " + number + ", max "
                + number + " %s (n=%d)", median, unit, p99, unit, min, max, unit, count);
    }
}
