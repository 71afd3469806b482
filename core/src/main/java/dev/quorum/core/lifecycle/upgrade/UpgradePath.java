package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.release.EtcdVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * The release lines from what runs to the target, one minor at a time: {@code 3.4 -> 3.5 -> 3.6}.
 *
 * @param lines every line on the way, the current one first
 */
public record UpgradePath(EtcdVersion from, EtcdVersion target, List<String> lines) {
    public UpgradePath {
        lines = List.copyOf(lines);
    }

    /** Same major only; across majors the path is just the two ends. */
    public static UpgradePath of(EtcdVersion from, EtcdVersion target) {
        List<String> lines = new ArrayList<>();
        if (from.major() == target.major() && from.minor() <= target.minor()) {
            for (int minor = from.minor(); minor <= target.minor(); minor++) {
                lines.add(from.major() + "." + minor);
            }
        } else {
            lines.add(from.line());
            lines.add(target.line());
        }
        return new UpgradePath(from, target, lines);
    }

    /** More than one minor step: the target cannot be reached in one upgrade. */
    public boolean needsSeveralSteps() {
        return lines.size() > 2;
    }

    public boolean patchOnly() {
        return from.sameLine(target);
    }

    /** "3.4 -> 3.5" for one step, "3.4 -> 3.5 now, then 3.6" (and ", then 3.7") for more. */
    public String describe() {
        if (lines.size() <= 1) {
            return from.line() + " (patch " + from + " -> " + target + ")";
        }
        StringBuilder text = new StringBuilder(lines.get(0) + " -> " + lines.get(1));
        if (lines.size() > 2) {
            text.append(" now");
            for (String line : lines.subList(2, lines.size())) {
                text.append(", then ").append(line);
            }
        }
        return text.toString();
    }
}
