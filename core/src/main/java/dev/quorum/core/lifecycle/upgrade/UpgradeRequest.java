package dev.quorum.core.lifecycle.upgrade;

/**
 * What {@code quorum upgrade} is asked to do: take the cluster to the inventory's {@code etcd_version}; while the
 * cluster is mixed, put the kept old binaries back ({@code --rollback}); or, once a newer minor runs everywhere, take
 * it one minor back with etcd's own downgrade ({@code --downgrade}, 3.6+; decision 0068).
 */
public record UpgradeRequest(Kind kind) {

    public enum Kind { UPGRADE, ROLLBACK, DOWNGRADE }

    public UpgradeRequest {
        java.util.Objects.requireNonNull(kind, "kind");
    }

    public static UpgradeRequest upgrade() {
        return new UpgradeRequest(Kind.UPGRADE);
    }

    public static UpgradeRequest rollBack() {
        return new UpgradeRequest(Kind.ROLLBACK);
    }

    /** etcd's own downgrade to the inventory's older {@code etcd_version} ({@code --downgrade}). */
    public static UpgradeRequest downgradeOneMinor() {
        return new UpgradeRequest(Kind.DOWNGRADE);
    }

    public boolean rollback() {
        return kind == Kind.ROLLBACK;
    }

    public boolean downgrade() {
        return kind == Kind.DOWNGRADE;
    }
}
