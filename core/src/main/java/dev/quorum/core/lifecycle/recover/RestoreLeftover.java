package dev.quorum.core.lifecycle.recover;

/**
 * What a restore may have left on a member's host (decisions 0042, 0054): the runtime drop-in that starts etcd
 * without its initial corruption check, and what the restore marker in the data dir says. A restore removes the
 * drop-in only once the cluster is verified, so an interrupted one leaves it until a re-run or a reboot, and every
 * start of etcd there until then skips the check. What could not be read is unknown, never taken for absent.
 *
 * @param dropIn the drop-in, on disk or in the definition systemd loaded
 * @param marker the restore marker ({@code DATA_DIR/quorum-restore}) of the member's data dir
 */
public record RestoreLeftover(DropIn dropIn, Marker marker) {
    /** Nothing could be read: the host did not answer, or answered without these lines. */
    public static final RestoreLeftover UNKNOWN = new RestoreLeftover(DropIn.UNKNOWN, Marker.UNKNOWN);

    public enum DropIn { PRESENT, ABSENT, UNKNOWN }

    /** NONE: no restore wrote this data dir; UNFINISHED: a restore did and was not verified and marked completed. */
    public enum Marker { NONE, UNFINISHED, COMPLETED, UNKNOWN }

    public boolean dropInLeft() {
        return dropIn == DropIn.PRESENT;
    }
}
