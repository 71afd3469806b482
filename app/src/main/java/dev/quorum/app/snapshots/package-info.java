/** The Snapshots tab: the cluster's snapshots on this workstation, "Snapshot now", "Verify", "Restore...". */
package dev.quorum.app.snapshots;
