package dev.quorum.app.cluster;

/** What a member is right now, in words; views add an icon so that colour is never the only sign. */
public enum MemberState {
    LEADER("leader"),
    FOLLOWER("follower"),
    LEARNER("learner"),
    NO_LEADER("no leader"),
    UNREACHABLE("unreachable"),
    NOT_LISTED("not in member list"),
    UNKNOWN("not read yet");

    private final String words;

    MemberState(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** A CSS-friendly name: "no-leader". */
    public String styleName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public boolean healthy() {
        return this == LEADER || this == FOLLOWER || this == LEARNER;
    }
}
