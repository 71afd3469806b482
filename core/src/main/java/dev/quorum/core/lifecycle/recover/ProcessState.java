package dev.quorum.core.lifecycle.recover;

/** etcd's main process as its host showed it during the diagnosis: {@code /proc/PID/stat} and systemd's freezer. */
public enum ProcessState {
    /** systemd has no main process for the unit. */
    NONE,
    /** Runs or sleeps, as a serving etcd does (R, S, I). */
    RUNNING,
    /** Stopped by a signal or a tracer (T, t), or its unit frozen: it answers nobody until resumed or restarted. */
    STOPPED,
    /** In uninterruptible sleep (D): waiting for its disk at that moment. */
    DISK_WAIT,
    /** Not read: the host was not reached, or {@code /proc} did not say. */
    UNKNOWN;

    /** The inspection's word: {@code none}, {@code frozen}, or the state letter from {@code /proc/PID/stat}. */
    static ProcessState of(String word) {
        return switch (word) {
            case "none" -> NONE;
            case "frozen", "T", "t" -> STOPPED;
            case "D" -> DISK_WAIT;
            case "R", "S", "I" -> RUNNING;
            default -> UNKNOWN;
        };
    }
}
