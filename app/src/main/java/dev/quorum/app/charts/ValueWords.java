package dev.quorum.app.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * A chart's value-axis label in at most six characters (a raft index of 12,345,678 is "12.3M"), so every value
 * axis fits one fixed width and the charts of a column share their time axis' x positions.
 */
final class ValueWords {
    private static final String[] SUFFIXES = {"", "k", "M", "G", "T"};

    private ValueWords() {
    }

    static String compact(double value) {
        double magnitude = Math.abs(value);
        if (magnitude != 0 && magnitude < 0.00995 && Double.isFinite(value)) {
            // 0.00115 would take seven characters: two significant digits and a power of ten instead, 1.2e-3
            int exponent = (int) Math.floor(Math.log10(magnitude));
            double mantissa = value / Math.pow(10, exponent);
            if (Math.abs(Math.round(mantissa * 10) / 10.0) >= 10) {
                mantissa /= 10;
                exponent++;
            }
            return String.format(Locale.ROOT, "%.1fe%d", mantissa, exponent);
        }
        if (magnitude < 999.5) {
            // three significant digits, no trailing zeros: 0.5, 12.5, 250
            return value == 0 || !Double.isFinite(value) ? (value == 0 ? "0" : String.valueOf(value))
                    : new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        }
        int power = 0;
        while (magnitude >= 999.5 && power < SUFFIXES.length - 1) {
            magnitude /= 1000;
            value /= 1000;
            power++;
        }
        String digits = magnitude >= 99.95 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
        return digits + SUFFIXES[power];
    }
}
