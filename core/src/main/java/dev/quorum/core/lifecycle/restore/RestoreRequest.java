package dev.quorum.core.lifecycle.restore;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * What to restore from: a snapshot file on this workstation, or the database of one surviving
 * member (copied to the workstation first, with what that may lose).
 *
 * @param skipHashCheck   restore a file without etcd's integrity hash (a raw copy of member/snap/db)
 * @param declaredLost    voting members (names or hosts) the operator states are gone for good: their
 *                        hosts could not be asked, and without this the restore refuses
 * @param rollBackLive    the operator confirmed, by typing the cluster's name, that a cluster whose
 *                        hosts show quorum is to be rolled back to the snapshot; never implied by --yes
 * @param keepRevisions   restore the snapshot's revisions as they are, without raising them past the old
 *                        cluster's (decision 0079): only for clusters no client watches
 */
public record RestoreRequest(Optional<Path> snapshot, Optional<String> survivor, boolean skipHashCheck,
                             Set<String> declaredLost, boolean rollBackLive, boolean keepRevisions) {
    public RestoreRequest {
        if (snapshot.isPresent() == survivor.isPresent()) {
            throw new IllegalArgumentException("restore from a snapshot file or from a survivor, exactly one");
        }
        declaredLost = Set.copyOf(declaredLost);
    }

    public static RestoreRequest fromSnapshot(Path file, boolean skipHashCheck) {
        return new RestoreRequest(Optional.of(file), Optional.empty(), skipHashCheck, Set.of(), false, false);
    }

    /** A raw database has no integrity hash: the hash check is skipped by necessity. */
    public static RestoreRequest fromSurvivor(String host) {
        return new RestoreRequest(Optional.empty(), Optional.of(host), true, Set.of(), false, false);
    }

    public RestoreRequest declaringLost(Set<String> members) {
        return new RestoreRequest(snapshot, survivor, skipHashCheck, members, rollBackLive, keepRevisions);
    }

    public RestoreRequest rollingBackLiveCluster() {
        return new RestoreRequest(snapshot, survivor, skipHashCheck, declaredLost, true, keepRevisions);
    }

    public RestoreRequest keepingRevisions(boolean keep) {
        return new RestoreRequest(snapshot, survivor, skipHashCheck, declaredLost, rollBackLive, keep);
    }
}
