/**
 * The Diagnose / Recover wizard: each host's own view of the cluster (verdict sentence, peer
 * connectivity matrix, members, actions with their risks), then {@code quorum recover}'s plan.
 */
package dev.quorum.app.recover;
