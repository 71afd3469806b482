package dev.quorum.app.cluster;

import dev.quorum.core.lifecycle.recover.Diagnosis;
import java.time.Instant;
import java.util.Map;

/**
 * Who reached whom in the last diagnosis (each host's own TCP probe of every peer port), for the
 * lines between members on the cluster picture. A snapshot in time: the picture says when.
 *
 * @param reach host -> peer host -> reached; a host that did not answer has no row
 */
public record PeerLinks(Instant takenAt, Map<String, Map<String, Boolean>> reach) {

    /** How a pair of hosts looks: patterns as well as colour. */
    public enum Link {
        /** Each reached the other. */
        BOTH_WAYS,
        /** At least one of the two failed to reach the other. */
        CUT,
        /** At least one did not answer the diagnosis, and no failure is known. */
        UNKNOWN
    }

    public PeerLinks {
        reach = Map.copyOf(reach);
    }

    public static PeerLinks of(Diagnosis diagnosis) {
        return new PeerLinks(diagnosis.takenAt(), diagnosis.connectivity());
    }

    public Link between(String hostA, String hostB) {
        Boolean there = reached(hostA, hostB);
        Boolean back = reached(hostB, hostA);
        if (Boolean.FALSE.equals(there) || Boolean.FALSE.equals(back)) {
            return Link.CUT;
        }
        return there == null || back == null ? Link.UNKNOWN : Link.BOTH_WAYS;
    }

    private Boolean reached(String from, String to) {
        Map<String, Boolean> row = reach.get(from);
        return row == null ? null : row.get(to);
    }
}
