package dev.quorum.core.etcd;

/**
 * One raised alarm, as {@code etcdctl alarm list} prints it ("memberID:8211f1d0f64f3269, alarm:NOSPACE").
 *
 * @param memberId the member that raised it
 */
public record EtcdAlarm(long memberId, Kind kind) {

    /** etcd 3.4 raises only these two. */
    public enum Kind {
        /** The member's backend reached its quota: only reads and deletes work until disarmed. */
        NOSPACE,
        /** The member's data differs from the others' (corruption check): it must be re-seeded. */
        CORRUPT
    }

    public String memberIdHex() {
        return Long.toHexString(memberId);
    }

    /** The words {@link EtcdAdmin#alarms()} uses: "NOSPACE on 8211f1d0f64f3269". */
    @Override
    public String toString() {
        return kind + " on " + memberIdHex();
    }
}
