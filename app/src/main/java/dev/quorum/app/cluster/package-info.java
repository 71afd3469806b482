/**
 * One open cluster: where its status comes from ({@link dev.quorum.app.cluster.StatusSource}), the
 * watcher that refreshes it off the UI thread, the view model that turns a
 * {@link dev.quorum.core.etcd.ClusterStatus} into observable state, and the views that only bind
 * to it (picture, member details, members table).
 */
package dev.quorum.app.cluster;
