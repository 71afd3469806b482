package dev.quorum.app.charts;

import dev.quorum.core.metrics.MetricsHistory;
import java.time.Duration;

/** How far back the charts look; the longest is what core keeps ({@link MetricsHistory#MAX_AGE}). */
public enum ChartRange {
    FIVE_MINUTES("5 min", Duration.ofMinutes(5)),
    FIFTEEN_MINUTES("15 min", Duration.ofMinutes(15)),
    THIRTY_MINUTES("30 min", Duration.ofMinutes(30)),
    ONE_HOUR("1 h", MetricsHistory.MAX_AGE);

    private final String label;
    private final Duration span;

    ChartRange(String label, Duration span) {
        this.label = label;
        this.span = span;
    }

    public Duration span() {
        return span;
    }

    @Override
    public String toString() {
        return label;
    }
}
