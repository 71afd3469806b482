package dev.quorum.app.cli;

import dev.quorum.core.inventory.IgnoredVariable;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The inventory's {@code etcd_*} variables Quorum does not use, under {@code --plan}: a Kubespray setting the user
 * expects to take effect, and which Quorum ignores, should be seen before the run, not discovered after it.
 */
final class IgnoredVariablesText {
    /** Enough to recognise a value; the inventory holds the rest. */
    static final int MAX_VALUE = 60;
    /** A long list stays readable: the rest is counted. */
    static final int MAX_SHOWN = 20;

    private IgnoredVariablesText() {
    }

    static void print(List<IgnoredVariable> ignored, PrintWriter out) {
        if (ignored.isEmpty()) {
            return;
        }
        out.println("Not used by Quorum (kept in the inventory for Kubespray; they change nothing here):");
        ignored.stream().limit(MAX_SHOWN).forEach(v -> out.println("  " + v.name() + " = " + shown(v.value())));
        if (ignored.size() > MAX_SHOWN) {
            out.println("  ... and " + (ignored.size() - MAX_SHOWN) + " more");
        }
        out.flush();
    }

    static String shown(Object value) {
        String text = text(value).replaceAll("\\p{Cntrl}", "?");
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE - 3) + "..." : text;
    }

    private static String text(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + text(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(IgnoredVariablesText::text).collect(Collectors.joining(", ", "[", "]"));
        }
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
