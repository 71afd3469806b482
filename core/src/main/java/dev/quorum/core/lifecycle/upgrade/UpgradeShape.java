package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.release.EtcdVersion;
import java.util.List;

/**
 * What an upgrade (a rollback, a downgrade) will do once every guard passed.
 *
 * @param path           from the lowest running version to the target (a downgrade's: from the highest)
 * @param kind           upgrade; rollback (kept old binaries go back, the target is the old version); or downgrade
 *                       (etcd's own, one minor back, the target's release installed)
 * @param order          every member's host, one at a time: followers first, the leader last
 * @param pending        the hosts in {@code order} whose member does not run the target yet
 * @param v2WalWorkaround hosts whose WAL alone holds v2 records: restarted once with ETCD_SNAPSHOT_COUNT=1 first
 */
public record UpgradeShape(UpgradePath path, UpgradeRequest.Kind kind, List<String> order, List<String> pending,
                           List<String> v2WalWorkaround) {
    public UpgradeShape {
        order = List.copyOf(order);
        pending = List.copyOf(pending);
        v2WalWorkaround = List.copyOf(v2WalWorkaround);
    }

    public EtcdVersion target() {
        return path.target();
    }

    public boolean rollback() {
        return kind == UpgradeRequest.Kind.ROLLBACK;
    }

    public boolean downgrade() {
        return kind == UpgradeRequest.Kind.DOWNGRADE;
    }

    /**
     * An upgrade to 3.6 or later that finds a member already on the target's minor may follow a downgrade cut off
     * after some members moved, or before any did (every member still on that minor, even with nothing else to do):
     * it cancels an enabled downgrade first, if the members report one ({@code DowngradeCancelStep}, decision 0068).
     */
    public boolean cancelsDowngradeFirst() {
        return kind == UpgradeRequest.Kind.UPGRADE && path.target().isAtLeast(3, 6, 0)
                && (pending.size() < order.size() || path.from().sameLine(path.target()));
    }

    public boolean nothingToDo() {
        return pending.isEmpty();
    }

    /**
     * Every member takes a raft snapshot on its own binary first ({@code SnapshotBeforeHopStep}) before any minor hop:
     * the new minor must start from that snapshot, not replay the WAL from the cluster's birth (decision 0067).
     */
    public boolean snapshotFirst() {
        return kind == UpgradeRequest.Kind.UPGRADE && !nothingToDo() && !path.from().sameLine(path.target());
    }
}
