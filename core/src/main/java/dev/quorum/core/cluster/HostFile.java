package dev.quorum.core.cluster;

/**
 * A file as one exchange read it from a host: its text and its octal mode (e.g. {@code "640"}).
 *
 * @param content the file's bytes as UTF-8 text
 * @param mode    {@code stat -c %a}: three or four octal digits, no leading zero
 */
public record HostFile(String content, String mode) {

    /** Whether the mode is {@code wanted}, written either way ("0640" or "640"). */
    public boolean hasMode(String wanted) {
        return Integer.parseInt(mode, 8) == Integer.parseInt(wanted, 8);
    }
}
