package dev.quorum.core.inventory;

import java.util.Locale;

/** Cluster names safe for a folder name: lower case letters, digits, dot, underscore and dash. */
final class ClusterNames {
    static final String FALLBACK = "cluster";

    private ClusterNames() {
    }

    /** The sanitized name, or empty text when nothing usable is left. */
    static String sanitize(String name) {
        String lower = name.toLowerCase(Locale.ROOT).trim();
        String replaced = lower.replaceAll("[^a-z0-9._-]+", "-");
        return replaced.replaceAll("^[-.]+", "").replaceAll("[-.]+$", "");
    }
}
