package dev.quorum.app.overview;

import java.nio.file.Path;

/**
 * One short status read of a known cluster, for its card: may block on the network (the view model calls it in the
 * background only, one at a time) and never touches JavaFX.
 */
@FunctionalInterface
public interface QuickStatus {

    Reading read(Path inventory) throws Exception;

    /** Health in words ("3/3 healthy, tolerates 1 failure") and the versions ("etcd v3.6.14, cluster version 3.6"). */
    record Reading(String health, String versions) {
    }
}
