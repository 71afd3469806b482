/**
 * The Upgrade wizard: the members' versions, the cluster version and the target (the inventory's
 * {@code etcd_version}) with the path, then the guards with their reasons, then core's
 * {@code UpgradePlans} through the shared review / run / result pages. The decision is core's
 * {@code UpgradePlanner}; this package only words it.
 */
package dev.quorum.app.upgrade;
