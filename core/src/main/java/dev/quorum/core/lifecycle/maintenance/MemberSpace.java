package dev.quorum.core.lifecycle.maintenance;

import dev.quorum.core.etcd.EtcdAlarm;
import java.util.List;

/**
 * One member's backend as its endpoint reports it ({@code etcdctl endpoint status}), with the
 * quota Quorum configured and the alarms raised for it.
 *
 * @param dbSize      the database file's size on disk
 * @param dbSizeInUse the part of it holding data; the rest is free pages a defragmentation returns
 * @param error       why the member did not answer, when it did not
 */
public record MemberSpace(String hostName, String memberName, String endpoint, long memberId, boolean leader,
                          long dbSize, long dbSizeInUse, long quotaBytes, List<EtcdAlarm.Kind> alarms, String error) {
    public MemberSpace {
        alarms = List.copyOf(alarms);
    }

    public boolean reachable() {
        return error.isEmpty();
    }

    public long reclaimable() {
        return Math.max(0, dbSize - dbSizeInUse);
    }

    public boolean has(EtcdAlarm.Kind kind) {
        return alarms.contains(kind);
    }

    /** "48.2 MiB (in use 1.1 MiB) of 2.0 GiB", or why it did not answer. */
    public String sizes() {
        if (!reachable()) {
            return "no answer: " + error;
        }
        return Bytes.human(dbSize) + " (in use " + Bytes.human(dbSizeInUse) + ") of " + Bytes.human(quotaBytes);
    }
}
