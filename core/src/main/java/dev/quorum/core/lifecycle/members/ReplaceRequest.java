package dev.quorum.core.lifecycle.members;

/**
 * Replace a member by a new inventory host: the old one leaves first, then the new one joins.
 *
 * @param keepName give the new member the old member's name (by default it gets a new one, so logs stay unambiguous)
 */
public record ReplaceRequest(String oldMember, String newHost, boolean keepName) {
}
