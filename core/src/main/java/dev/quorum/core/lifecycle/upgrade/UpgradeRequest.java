package dev.quorum.core.lifecycle.upgrade;

/**
 * What {@code quorum upgrade} is asked to do: take the cluster to the inventory's {@code etcd_version}, or, while
 * the cluster is mixed, put the kept old binaries back ({@code --rollback}).
 */
public record UpgradeRequest(boolean rollback) {

    public static UpgradeRequest upgrade() {
        return new UpgradeRequest(false);
    }

    public static UpgradeRequest rollBack() {
        return new UpgradeRequest(true);
    }
}
