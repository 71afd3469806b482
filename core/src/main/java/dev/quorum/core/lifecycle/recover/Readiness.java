package dev.quorum.core.lifecycle.recover;

/**
 * What a recover step awaits after starting etcd on a member. etcd's unit is {@code Type=notify}, and etcd tells
 * systemd it is ready only once it serves, which takes a majority running: with quorum lost, the first members
 * started stay "activating" until enough of the others are, so each can only be awaited as launched and the run's
 * last step waits for quorum (decision 0072).
 */
enum Readiness {
    /** systemd says active: etcd serves with a leader. */
    ACTIVE("up"),
    /** systemd says activating or active: etcd runs, or systemd is starting it again. */
    LAUNCHED("launched");

    private final String word;

    Readiness(String word) {
        this.word = word;
    }

    /** Whether {@code systemctl is-active}'s answer shows this much. */
    boolean shownBy(String isActive) {
        String state = isActive.strip();
        return "active".equals(state) || this == LAUNCHED && "activating".equals(state);
    }

    /** As in "etcd on lab1 was not up within 30 s". */
    String word() {
        return word;
    }
}
