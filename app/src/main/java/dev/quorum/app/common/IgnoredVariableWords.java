package dev.quorum.app.common;

import dev.quorum.core.inventory.IgnoredVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The inventory's {@code etcd_*} variables Quorum does not use, in words: {@code --plan} prints them and the
 * wizards' review page shows them, so a Kubespray setting the user expects to take effect is seen to be ignored
 * before the run, not discovered after it.
 */
public final class IgnoredVariableWords {
    public static final String HEADING =
            "Not used by Quorum (kept in the inventory for Kubespray; they change nothing here):";
    /** Enough to recognise a value; the inventory holds the rest. */
    public static final int MAX_VALUE = 60;
    /** A long list stays readable: the rest is counted. */
    public static final int MAX_SHOWN = 20;

    private IgnoredVariableWords() {
    }

    /** One line per variable ({@code name = value}), at most {@link #MAX_SHOWN}, then how many more. */
    public static List<String> lines(List<IgnoredVariable> ignored) {
        List<String> lines = new ArrayList<>();
        ignored.stream().limit(MAX_SHOWN).forEach(v -> lines.add(v.name() + " = " + shown(v.value())));
        if (ignored.size() > MAX_SHOWN) {
            lines.add("... and " + (ignored.size() - MAX_SHOWN) + " more");
        }
        return lines;
    }

    /** The heading and the lines, or nothing when Quorum uses every etcd_* variable. */
    public static String text(List<IgnoredVariable> ignored) {
        return ignored.isEmpty() ? "" : HEADING + "\n" + String.join("\n", lines(ignored));
    }

    public static String shown(Object value) {
        String text = valueText(value).replaceAll("\\p{Cntrl}", "?");
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE - 3) + "..." : text;
    }

    private static String valueText(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + valueText(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(IgnoredVariableWords::valueText).collect(Collectors.joining(", ", "[", "]"));
        }
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
