package dev.quorum.core.cluster;

import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Files Quorum owns on a host. Replacing one never loses the old content: it is copied to
 * {@code /var/backups/quorum/<time>/<path>} first.
 */
public final class ManagedFiles {
    public static final String BACKUP_ROOT = "/var/backups/quorum";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private ManagedFiles() {
    }

    public static Optional<String> read(RemoteHost remote, String path) throws Exception {
        return remote.read(path).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** The file's octal mode (e.g. "600"), or empty if it does not exist. */
    public static Optional<String> mode(RemoteHost remote, String path) throws Exception {
        var result = remote.run("stat -c %a " + Shell.quote(path) + " 2>/dev/null");
        return result.ok() ? Optional.of(result.stdout().strip()) : Optional.empty();
    }

    /** Writes {@code content} atomically with {@code mode}, backing up a different existing file first. */
    public static Optional<String> replace(RemoteHost remote, String path, String content, String mode) throws Exception {
        Optional<String> backup = backup(remote, path);
        remote.write(content.getBytes(StandardCharsets.UTF_8), path, mode);
        return backup;
    }

    /**
     * Like {@link #replace(RemoteHost, String, String, String)} for a file this run has just read: one that did not
     * exist then has nothing to keep, so the backup's round trip is left out (issue 18).
     */
    public static Optional<String> replace(RemoteHost remote, String path, String content, String mode,
                                           Optional<HostFile> justRead) throws Exception {
        if (justRead.isPresent()) {
            return replace(remote, path, content, mode);
        }
        remote.write(content.getBytes(StandardCharsets.UTF_8), path, mode);
        return Optional.empty();
    }

    /** Copies an existing file aside; returns where, or empty when there was nothing to keep. */
    public static Optional<String> backup(RemoteHost remote, String path) throws Exception {
        String target = backupPath(path);
        var result = remote.run(backupCommand(path, target)).requireOk("back up " + path);
        return result.stdout().contains("kept") ? Optional.of(target) : Optional.empty();
    }

    /** Where {@code path} is kept if it is backed up now. */
    public static String backupPath(String path) {
        return BACKUP_ROOT + "/" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + path;
    }

    /**
     * The shell words that copy {@code path} to {@code target} if it exists and print "kept": one command that
     * succeeds when there is nothing to keep, so several can be joined with {@code &&} into one exchange.
     */
    public static String backupCommand(String path, String target) {
        return "if [ -e " + Shell.quote(path) + " ]; then mkdir -p " + Shell.quote(parent(target))
                + " && chmod 700 " + BACKUP_ROOT + " && cp -p " + Shell.quote(path) + " " + Shell.quote(target)
                + " && echo kept; fi";
    }

    private static String parent(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }
}
