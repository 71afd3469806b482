package dev.quorum.core.lifecycle.members;

/** Remove a member, named by its member name or its inventory host. */
public record RemoveRequest(String memberOrHost) {
}
