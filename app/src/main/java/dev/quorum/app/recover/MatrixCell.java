package dev.quorum.app.recover;

/**
 * One cell of the connectivity matrix: did {@code from} open a TCP connection to {@code to}'s
 * peer port? {@code text} is "yes", "NO", "?" (not known: the host did not answer) or "" on the diagonal.
 *
 * @param icon an Ikonli literal, empty on the diagonal
 */
public record MatrixCell(String from, String to, String text, String icon) {

    static MatrixCell of(String from, String to, Boolean reached) {
        if (from.equals(to)) {
            return new MatrixCell(from, to, "", "");
        }
        if (reached == null) {
            return new MatrixCell(from, to, "?", "mdi2h-help-circle-outline");
        }
        return reached ? new MatrixCell(from, to, "yes", "mdi2c-check")
                : new MatrixCell(from, to, "NO", "mdi2c-close-thick");
    }

    public boolean diagonal() {
        return from.equals(to);
    }
}
