package dev.quorum.core.metrics;

import java.time.Instant;

/** Something that happened to the cluster (or will: a certificate's expiry), for the timeline under the charts. */
public record TimelineEvent(Instant at, Kind kind, String text) {
    public enum Kind {
        LEADER_CHANGE, MEMBER_CHANGE, ALARM, RUN, CERTIFICATE_EXPIRY
    }
}
