package dev.quorum.core.lifecycle.members;

/** Add the inventory's host {@code host} to the cluster (or finish adding it). */
public record AddRequest(String host) {
}
