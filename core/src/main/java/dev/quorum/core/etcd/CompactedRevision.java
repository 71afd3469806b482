package dev.quorum.core.etcd;

/**
 * etcd's refusal of a read or compaction at a revision its history no longer holds ("mvcc: required revision has
 * been compacted"). jetcd passes it on as the message of a gRPC OUT_OF_RANGE status, somewhere in the cause chain.
 */
public final class CompactedRevision {
    private CompactedRevision() {
    }

    public static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("has been compacted")) {
                return true;
            }
        }
        return false;
    }
}
