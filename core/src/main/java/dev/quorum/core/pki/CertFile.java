package dev.quorum.core.pki;

import java.util.Optional;

/**
 * A file as read from a host, for inspection.
 *
 * @param path    absolute path on the host
 * @param mode    octal permission bits as {@code stat -c %a} prints them ("640"); empty when missing
 * @param content the text, empty when the file does not exist
 */
public record CertFile(String path, String mode, Optional<String> content) {
    public static CertFile missing(String path) {
        return new CertFile(path, "", Optional.empty());
    }

    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public boolean exists() {
        return content.isPresent();
    }

    /** Permission bits, or -1 when unknown. */
    public int permissions() {
        try {
            return mode.isEmpty() ? -1 : Integer.parseInt(mode, 8) & 0777;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
