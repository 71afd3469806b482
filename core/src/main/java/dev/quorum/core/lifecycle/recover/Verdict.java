package dev.quorum.core.lifecycle.recover;

import java.util.Locale;

/** The cluster in one word. */
public enum Verdict {
    HEALTHY,
    /** Quorum holds, but some member is down, cut off, behind, alarmed or misconfigured. */
    DEGRADED,
    /**
     * Fewer than a majority of the voting members have a leader, and their own hosts say so: even
     * if every voter that could not be asked were up, they would not make a majority.
     */
    QUORUM_LOST,
    /**
     * Too few voting members could be asked to tell: those that answered lack a majority, and
     * those that did not could make one. Never treated as lost.
     */
    UNKNOWN;

    /** As printed in JSON: {@code quorum-lost}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
