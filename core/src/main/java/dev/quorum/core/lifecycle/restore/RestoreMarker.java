package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.etcd.EnvFile;
import java.util.Optional;

/**
 * Written into a member's data dir once it holds the restored data, so a re-run knows this host
 * is done and must not be stopped again. Kept inside the data dir so it moves with it: a data dir
 * moved aside later (a member removed) takes its marker along. etcd only logs that it ignores it.
 *
 * <p>Once the whole restore is verified every marker is marked completed: a later restore (a new
 * disaster) then knows these markers belong to a finished restore, not to an interrupted run it
 * should continue, even when it restores the same snapshot file.
 *
 * @param sha256      of the snapshot file restored
 * @param token       the initial cluster token the restore used (the same on every member)
 * @param initialCluster the members it was restored with: a re-run with another member list
 *                    (a host replaced in the inventory mid-way) must restore every member again
 * @param completedAt when the whole restore was verified, or "" while it is not
 * @param revisionBump how far the restore raised the snapshot's revisions (0: kept): every member of one restore
 *                    must hold the same data, so a re-run restores the rest with the same
 */
record RestoreMarker(String sha256, String token, String memberName, String initialCluster, String restoredAt,
                     String completedAt, long revisionBump) {
    static final String FILE = "quorum-restore";

    static String path(String dataDir) {
        return dataDir + "/" + FILE;
    }

    String render() {
        return "# written by Quorum after restoring this data dir from a snapshot\n"
                + "SNAPSHOT_SHA256=" + sha256 + "\nCLUSTER_TOKEN=" + token + "\nMEMBER_NAME=" + memberName + "\nINITIAL_CLUSTER=" + initialCluster
                + "\nRESTORED_AT=" + restoredAt + "\nREVISION_BUMP=" + revisionBump + "\n"
                + (completed() ? "COMPLETED_AT=" + completedAt + "\n" : "");
    }

    boolean completed() {
        return !completedAt.isEmpty();
    }

    RestoreMarker completedAt(String when) {
        return new RestoreMarker(sha256, token, memberName, initialCluster, restoredAt, when, revisionBump);
    }

    static Optional<RestoreMarker> parse(String text) {
        EnvFile values = EnvFile.parse(text);
        Optional<String> sha = values.get("SNAPSHOT_SHA256");
        Optional<String> token = values.get("CLUSTER_TOKEN");
        if (sha.isEmpty() || token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RestoreMarker(sha.get(), token.get(), values.get("MEMBER_NAME").orElse(""),
                values.get("INITIAL_CLUSTER").orElse(""),
                values.get("RESTORED_AT").orElse(""), values.get("COMPLETED_AT").orElse(""),
                values.get("REVISION_BUMP").map(RestoreMarker::amount).orElse(0L)));
    }

    /** A marker written before revisions were raised has none; an unreadable amount is not a bump either. */
    private static long amount(String text) {
        try {
            return Math.max(0, Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Of this snapshot, for this member of this member list. */
    boolean sameTarget(String snapshotSha, String member, String members) {
        return sha256.equals(snapshotSha) && memberName.equals(member) && initialCluster.equals(members);
    }

    boolean sameRestore(String snapshotSha, String restoreToken, String member, String members) {
        return sameTarget(snapshotSha, member, members) && token.equals(restoreToken);
    }
}
