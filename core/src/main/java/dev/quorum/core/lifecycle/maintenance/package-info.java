/**
 * Maintenance of a running cluster's backend, as etcd's operations guide orders it: compact the
 * key history (after a snapshot), defragment members one at a time (followers first, the leader
 * last), and disarm a NOSPACE alarm once its cause is gone. Every step checks, changes, verifies.
 */
package dev.quorum.core.lifecycle.maintenance;
