package dev.quorum.app.cluster;

/** The cluster as a whole, for the status bar's icon and style. */
public enum ClusterHealth {
    HEALTHY, DEGRADED, QUORUM_LOST, UNKNOWN
}
