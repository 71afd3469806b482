package dev.quorum.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A Prometheus histogram as etcd writes it: cumulative buckets by upper bound ({@code le}, the last +Inf) and the
 * count. Latency percentiles are taken over what happened between two scrapes (bucket deltas), not since the
 * member started, so a slow disk shows when it is slow.
 *
 * @param bounds the buckets' upper bounds, ascending, the last +Inf
 * @param counts the cumulative count per bound
 */
public record Histogram(List<Double> bounds, List<Double> counts) {
    public static final Histogram EMPTY = new Histogram(List.of(), List.of());

    public Histogram {
        bounds = List.copyOf(bounds);
        counts = List.copyOf(counts);
        if (bounds.size() != counts.size()) {
            throw new IllegalArgumentException("bounds and counts differ in length");
        }
    }

    /** The histogram {@code family} (without _bucket), its series added up over every label but {@code le}. */
    public static Histogram of(List<PromSample> samples, String family) {
        TreeMap<Double, Double> byBound = new TreeMap<>();
        String bucket = family + "_bucket";
        for (PromSample s : samples) {
            if (s.name().equals(bucket) && !s.label("le").isEmpty()) {
                double le = s.label("le").equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(s.label("le"));
                byBound.merge(le, s.value(), Double::sum);
            }
        }
        return new Histogram(new ArrayList<>(byBound.keySet()), new ArrayList<>(byBound.values()));
    }

    public double count() {
        return counts.isEmpty() ? 0 : counts.get(counts.size() - 1);
    }

    /**
     * The {@code q} quantile (0..1) of the observations made since {@code earlier}, interpolated within its bucket
     * as Prometheus' histogram_quantile does; empty when nothing was observed in between, or when the buckets
     * changed or went backwards (the member restarted: its counters began again).
     */
    public OptionalDouble quantileSince(Histogram earlier, double q) {
        if (!earlier.bounds.equals(bounds) || bounds.isEmpty()) {
            return OptionalDouble.empty();
        }
        double total = count() - earlier.count();
        if (total <= 0) {
            return OptionalDouble.empty();
        }
        double rank = q * total;
        double below = 0;
        for (int i = 0; i < bounds.size(); i++) {
            double cumulative = counts.get(i) - earlier.counts.get(i);
            if (cumulative < below) {
                return OptionalDouble.empty();
            }
            if (cumulative >= rank) {
                double upper = bounds.get(i);
                if (Double.isInfinite(upper)) {
                    // beyond the last finite bucket: all that can be said is "at least that"
                    return i == 0 ? OptionalDouble.empty() : OptionalDouble.of(bounds.get(i - 1));
                }
                double lower = i == 0 ? 0 : bounds.get(i - 1);
                double inBucket = cumulative - below;
                return OptionalDouble.of(lower + (upper - lower) * (rank - below) / inBucket);
            }
            below = cumulative;
        }
        return OptionalDouble.empty();
    }
}
