/**
 * The clusters this workstation knows (one folder each under {@code ~/.quorum/clusters}): the inventory each was
 * last opened from, its last run and its soonest workstation certificate expiry. Files only, no network.
 */
package dev.quorum.core.known;
