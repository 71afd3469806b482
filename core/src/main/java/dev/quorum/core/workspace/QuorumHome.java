package dev.quorum.core.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The workstation's Quorum folder ({@code ~/.quorum}, or {@code $QUORUM_HOME}): one folder per
 * cluster with its PKI, snapshots and run logs, and a shared release cache.
 */
public record QuorumHome(Path root) {

    public static final String ENV_VARIABLE = "QUORUM_HOME";

    public static final String PROPERTY = "quorum.home";

    /** {@code -Dquorum.home}, else {@code $QUORUM_HOME}, else {@code ~/.quorum}. */
    public static QuorumHome fromEnvironment() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return new QuorumHome(Path.of(property));
        }
        String configured = System.getenv(ENV_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return new QuorumHome(Path.of(configured));
        }
        return new QuorumHome(Path.of(System.getProperty("user.home"), ".quorum"));
    }

    public Path cluster(String clusterName) {
        return root.resolve("clusters").resolve(clusterName);
    }

    /** The CA and Quorum's own client certificate: private, mode 0700. */
    public Path pki(String clusterName) {
        return cluster(clusterName).resolve("pki");
    }

    public Path runs(String clusterName) {
        return cluster(clusterName).resolve("runs");
    }

    public Path snapshots(String clusterName) {
        return cluster(clusterName).resolve("snapshots");
    }

    public Path releaseCache() {
        return root.resolve("cache").resolve("releases");
    }

    /**
     * Makes the cluster's folder and its pki, snapshots and runs folders private (0700) where they
     * already exist with a looser mode, as left by an older Quorum or a permissive umask. Creates
     * nothing: reading a cluster leaves no folder behind. The home itself is left as it is (it
     * may be a folder the user shares on purpose); a new one is created 0700.
     */
    public void tightenCluster(String clusterName) {
        for (Path dir : List.of(cluster(clusterName), pki(clusterName), snapshots(clusterName), runs(clusterName))) {
            try {
                OwnerOnly.tighten(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make " + dir + " private (mode 0700): " + e.getMessage(), e);
            }
        }
    }

    /**
     * Creates a folder readable by the user only (it may hold keys): missing folders are created
     * 0700 (not chmod-ed afterwards); an existing one is tightened to that.
     */
    public static Path privateDirectory(Path dir) {
        try {
            OwnerOnly.directories(dir);
            OwnerOnly.tighten(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
