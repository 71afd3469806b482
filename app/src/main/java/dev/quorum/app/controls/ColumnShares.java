package dev.quorum.app.controls;

import java.util.ArrayList;
import java.util.List;

/**
 * How a table's width is shared among its columns, from what each one's content needs: every column gets its need
 * where the room allows, and the rest goes to the last one; where it does not, only the widest columns give up
 * width, down to one common width (never below their minimum), so the short ones (a state, a version) stay whole.
 */
public final class ColumnShares {
    /** A cell wraps to at most this many lines where the room allows; beyond, each column keeps its longest word. */
    static final int MOST_LINES = 3;

    private ColumnShares() {
    }

    /**
     * Shares for cells that wrap: the fewest lines (2, then 3) whose widths all fit, each column at least as wide as
     * its longest word; where even {@link #MOST_LINES} lines do not fit, each column keeps its longest word whole
     * (rows grow taller); where not even that fits, words break too, each column down to its {@code least} (its
     * header, which does not wrap), rather than the table scrolling sideways.
     *
     * @param words per column, the width of its longest word and header (a wrapped line breaks between words)
     */
    public static List<Double> wrapping(List<Double> needs, List<Double> words, List<Double> least, double room) {
        if (needs.size() != words.size() || needs.size() != least.size()) {
            throw new IllegalArgumentException(needs.size() + " needs but " + words.size() + " words and "
                    + least.size() + " least widths");
        }
        for (int lines = 2; lines <= MOST_LINES; lines++) {
            List<Double> minimums = new ArrayList<>();
            for (int i = 0; i < needs.size(); i++) {
                minimums.add(Math.min(needs.get(i), Math.max(words.get(i), Math.ceil(needs.get(i) / lines))));
            }
            if (total(minimums) <= room) {
                return of(needs, minimums, room);
            }
        }
        if (total(words) <= room) {
            return of(needs, words, room);
        }
        return of(needs, least, room);
    }

    private static double total(List<Double> widths) {
        return widths.stream().mapToDouble(Double::doubleValue).sum();
    }

    /** @return one width per column, in the order given; their sum is {@code room} unless the minimums exceed it */
    public static List<Double> of(List<Double> needs, List<Double> minimums, double room) {
        if (needs.size() != minimums.size()) {
            throw new IllegalArgumentException(needs.size() + " needs but " + minimums.size() + " minimums");
        }
        List<Double> widths = new ArrayList<>();
        if (needs.isEmpty()) {
            return widths;
        }
        double total = needs.stream().mapToDouble(Double::doubleValue).sum();
        double cap = total <= room ? Double.MAX_VALUE : capFor(needs, minimums, room);
        for (int i = 0; i < needs.size(); i++) {
            widths.add(Math.floor(Math.max(minimums.get(i), Math.min(needs.get(i), cap))));
        }
        double used = widths.stream().mapToDouble(Double::doubleValue).sum();
        int last = widths.size() - 1;
        if (used < room) {
            widths.set(last, widths.get(last) + Math.floor(room - used));
        }
        return widths;
    }

    /** The common width the widest columns are cut to so that all fit in {@code room} (bisection: the sum grows with it). */
    private static double capFor(List<Double> needs, List<Double> minimums, double room) {
        double low = 0;
        double high = needs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        for (int step = 0; step < 40; step++) {
            double mid = (low + high) / 2;
            if (sum(needs, minimums, mid) <= room) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static double sum(List<Double> needs, List<Double> minimums, double cap) {
        double sum = 0;
        for (int i = 0; i < needs.size(); i++) {
            sum += Math.floor(Math.max(minimums.get(i), Math.min(needs.get(i), cap)));
        }
        return sum;
    }
}
