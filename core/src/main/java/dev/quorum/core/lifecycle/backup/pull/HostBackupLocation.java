package dev.quorum.core.lifecycle.backup.pull;

import java.util.regex.Pattern;

/** A backup on a member's host, {@code HOST:/absolute/path/FILE.db}, as {@code quorum backup list} prints it. */
public record HostBackupLocation(String host, String path) implements BackupLocation {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");

    public HostBackupLocation {
        String text = host + ":" + path;
        if (host == null || !HOST.matcher(host).matches()) {
            throw new BackupLocationException("'" + BackupLocation.printable(text) + "' does not start with a host "
                    + "name of the inventory");
        }
        if (path == null || !path.startsWith("/") || path.contains("//") || path.contains("/./")
                || path.contains("/../") || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new BackupLocationException("'" + BackupLocation.printable(text) + "': the path after the host is not "
                    + "a plain absolute path");
        }
        BackupLocation.checkFileName(text, path.substring(path.lastIndexOf('/') + 1));
    }

    @Override
    public String text() {
        return host + ":" + path;
    }

    @Override
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
