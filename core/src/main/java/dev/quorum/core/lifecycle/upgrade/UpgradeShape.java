package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.release.EtcdVersion;
import java.util.List;

/**
 * What an upgrade (or a rollback) will do once every guard passed.
 *
 * @param path           from the lowest running version to the target
 * @param rollback       kept old binaries go back (the target is the old version)
 * @param order          every member's host, one at a time: followers first, the leader last
 * @param pending        the hosts in {@code order} whose member does not run the target yet
 * @param v2WalWorkaround hosts whose WAL alone holds v2 records: restarted once with ETCD_SNAPSHOT_COUNT=1 first
 */
public record UpgradeShape(UpgradePath path, boolean rollback, List<String> order, List<String> pending,
                           List<String> v2WalWorkaround) {
    public UpgradeShape {
        order = List.copyOf(order);
        pending = List.copyOf(pending);
        v2WalWorkaround = List.copyOf(v2WalWorkaround);
    }

    public EtcdVersion target() {
        return path.target();
    }

    public boolean nothingToDo() {
        return pending.isEmpty();
    }

    /**
     * Every member takes a raft snapshot on its own binary first ({@code SnapshotBeforeHopStep}) before any minor hop:
     * the new minor must start from that snapshot, not replay the WAL from the cluster's birth (decision 0067).
     */
    public boolean snapshotFirst() {
        return !rollback && !nothingToDo() && !path.from().sameLine(path.target());
    }
}
