package dev.quorum.core.lifecycle.restore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How far a restore of one snapshot got, read from the markers on the hosts of the new cluster:
 * not begun (or only stale markers of an earlier, finished restore on some hosts), interrupted
 * (markers of an unfinished run: continue it with its token and its revision bump), or completed on every host.
 */
record RestoreProgress(State state, Optional<String> token, OptionalLong revisionBump) {

    enum State { NOT_STARTED, INTERRUPTED, COMPLETED }

    static RestoreProgress notStarted() {
        return new RestoreProgress(State.NOT_STARTED, Optional.empty(), OptionalLong.empty());
    }

    /**
     * @param initialCluster the new cluster's members as etcd's --initial-cluster lists them
     * @param memberNames each host's member name in the new cluster
     * @param markers     each host's marker, if any
     */
    static RestoreProgress of(String sha256, String initialCluster, Map<String, String> memberNames,
                              Map<String, Optional<RestoreMarker>> markers) {
        List<RestoreMarker> matching = memberNames.entrySet().stream()
                .flatMap(e -> markers.getOrDefault(e.getKey(), Optional.empty()).stream()
                        .filter(m -> m.sameTarget(sha256, e.getValue(), initialCluster)))
                .toList();
        if (matching.size() == memberNames.size() && !matching.isEmpty()
                && matching.stream().allMatch(RestoreMarker::completed)
                && matching.stream().map(RestoreMarker::token).distinct().count() == 1) {
            return new RestoreProgress(State.COMPLETED, Optional.of(matching.get(0).token()),
                    OptionalLong.of(matching.get(0).revisionBump()));
        }
        Optional<RestoreMarker> unfinished = matching.stream().filter(m -> !m.completed()).findFirst();
        return unfinished.map(m -> new RestoreProgress(State.INTERRUPTED, Optional.of(m.token()),
                        OptionalLong.of(m.revisionBump())))
                .orElseGet(RestoreProgress::notStarted);
    }
}
