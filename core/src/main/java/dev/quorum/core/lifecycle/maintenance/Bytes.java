package dev.quorum.core.lifecycle.maintenance;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes in the words etcd operators read: "48.2 MiB". */
public final class Bytes {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*([KkMmGgTt]?)(?:[iI]?[bB])?");
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Bytes() {
    }

    public static String human(long bytes) {
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /**
     * A size as a user types it: bytes, or a number with KiB/MiB/GiB/TiB (K/M/G/T and KB/MB/GB read as
     * the binary units too, as etcd's quota is meant).
     */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new MaintenanceException("\"" + text + "\" is not a size",
                    "give bytes or a size such as 64MiB or 1GiB");
        }
        int power = "BKMGT".indexOf(m.group(2).isEmpty() ? "B" : m.group(2).toUpperCase(Locale.ROOT));
        return Math.multiplyExact(Long.parseLong(m.group(1)), 1L << (10 * power));
    }
}
