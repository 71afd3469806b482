package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.util.Locale;

/**
 * A unit's state as {@code systemctl is-active} words it. Only "inactive" and "failed" say that no process runs; a
 * Type=notify etcd says "activating" until systemd has read its READY=1, and may already serve with a leader then.
 * Anything else (no answer, a word this version does not know) is neither running nor stopped: unknown.
 */
public enum UnitState {
    ACTIVE, RELOADING, ACTIVATING, DEACTIVATING, INACTIVE, FAILED, UNKNOWN;

    /** The first line of {@code systemctl is-active UNIT}'s output. */
    public static UnitState of(String isActiveOutput) {
        String word = isActiveOutput.strip().lines().findFirst().orElse("");
        for (UnitState state : values()) {
            if (state != UNKNOWN && state.name().toLowerCase(Locale.ROOT).equals(word)) {
                return state;
            }
        }
        return UNKNOWN;
    }

    /** Asks the host: {@code systemctl is-active UNIT}. */
    public static UnitState ask(RemoteHost remote, String unit) throws Exception {
        return of(remote.run("systemctl is-active " + Shell.quote(unit) + " 2>/dev/null").stdout());
    }

    /**
     * No process, or one on its way out: whatever runs next is a fresh start, which reads the unit's files then.
     * An "activating" etcd is not: it already runs with the files it read when it started.
     */
    public boolean startsAfresh() {
        return stopped() || this == DEACTIVATING;
    }

    /** systemd's positive word that the unit has no process: the one state a destructive step may take as stopped. */
    public boolean stopped() {
        return this == INACTIVE || this == FAILED;
    }

    /** systemd says the unit has (or is starting, reloading or stopping) a process. */
    public boolean running() {
        return this == ACTIVE || this == RELOADING || this == ACTIVATING || this == DEACTIVATING;
    }

    /** The word systemd printed. */
    public String word() {
        return this == UNKNOWN ? "unknown" : name().toLowerCase(Locale.ROOT);
    }
}
