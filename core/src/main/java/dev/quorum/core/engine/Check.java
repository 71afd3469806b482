package dev.quorum.core.engine;

import java.util.Objects;

/**
 * The answer of a step's read-only check: is the change still needed, and why.
 *
 * @param needed whether apply must run
 * @param reason a short human sentence ("etcd 3.4.23 already installed", "unit file differs")
 */
public record Check(boolean needed, String reason) {
    public Check {
        Objects.requireNonNull(reason, "reason");
    }

    public static Check done(String reason) {
        return new Check(false, reason);
    }

    public static Check needed(String reason) {
        return new Check(true, reason);
    }
}
