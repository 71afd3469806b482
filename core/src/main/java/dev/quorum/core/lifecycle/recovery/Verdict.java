package dev.quorum.core.lifecycle.recovery;

import java.util.Locale;

/** The cluster in one word. */
public enum Verdict {
    HEALTHY,
    /** Quorum holds, but some member is down, cut off, behind, alarmed or misconfigured. */
    DEGRADED,
    /** Fewer than a majority of the voting members have a leader: no writes, no linearizable reads. */
    QUORUM_LOST;

    /** As printed in JSON: {@code quorum-lost}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
