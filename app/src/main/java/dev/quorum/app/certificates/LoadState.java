package dev.quorum.app.certificates;

/** Where the tab's inventory stands. */
public enum LoadState {
    /** Not read yet: it is read when the tab is first shown. */
    NOT_LOADED,
    LOADING,
    LOADED,
    /** The read failed (the placeholder says why and what to do). */
    FAILED,
    /** The cluster's CA is not on this workstation: adopt it first. */
    NO_CA,
    /** The local sandbox: its certificates are local files, not read over SSH. */
    NOT_SSH
}
