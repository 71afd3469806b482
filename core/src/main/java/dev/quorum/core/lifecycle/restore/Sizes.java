package dev.quorum.core.lifecycle.restore;

import java.util.Locale;

/** Sizes for messages: MiB from 1 MiB up, else KiB. */
final class Sizes {
    private Sizes() {
    }

    static String of(long bytes) {
        return bytes >= 1024L * 1024 ? String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024))
                : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}
