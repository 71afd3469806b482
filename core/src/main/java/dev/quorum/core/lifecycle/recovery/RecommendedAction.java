package dev.quorum.core.lifecycle.recovery;

/**
 * Something the operator can do next.
 *
 * @param command the Quorum or etcdctl command that does it, empty when it is a manual check
 * @param risk    what can go wrong or be lost; empty when nothing
 */
public record RecommendedAction(String title, String command, String risk) {
}
