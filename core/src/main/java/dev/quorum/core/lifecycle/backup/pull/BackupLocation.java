package dev.quorum.core.lifecycle.backup.pull;

import dev.quorum.core.lifecycle.backup.offsite.InvalidS3AddressException;
import dev.quorum.core.lifecycle.backup.offsite.S3Location;
import java.util.regex.Pattern;

/**
 * Where one backup is, in the form {@code quorum backup list} prints it: {@code HOST:/var/backups/quorum-etcd/FILE.db}
 * on a member's host, or {@code s3://BUCKET/PREFIX/MEMBER/FILE.db} off-site. Parsing checks the form only; whether
 * the backup is really there (and its sha256) is read from the host or the store when it is pulled.
 */
public sealed interface BackupLocation permits HostBackupLocation, S3BackupLocation {
    /** Backup files are etcd snapshots named by the on-host job: a plain name ending in .db. */
    Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}\\.db");
    String S3_SCHEME = "s3://";

    /** The location as typed and listed. */
    String text();

    /** The backup's file name, which its copy on this workstation keeps. */
    String fileName();

    /**
     * Whether {@code text} is meant as a backup location rather than a local file: an {@code s3://} URL, or
     * {@code HOST:/...} (a local relative path does not have a colon right before its first '/').
     */
    static boolean looksLikeOne(String text) {
        return text != null && (text.startsWith(S3_SCHEME) || text.matches("[^/:\\s]+:/.*"));
    }

    static BackupLocation parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BackupLocationException("no backup location given");
        }
        if (text.startsWith(S3_SCHEME)) {
            return s3(text);
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || !looksLikeOne(text)) {
            throw new BackupLocationException("'" + printable(text) + "' is not a backup location");
        }
        return new HostBackupLocation(text.substring(0, colon), text.substring(colon + 1));
    }

    private static S3BackupLocation s3(String text) {
        String rest = text.substring(S3_SCHEME.length());
        int lastSlash = rest.lastIndexOf('/');
        int firstSlash = rest.indexOf('/');
        if (firstSlash < 0 || lastSlash == rest.length() - 1) {
            throw new BackupLocationException("'" + printable(text) + "' names no object: an off-site backup is "
                    + "s3://BUCKET/PREFIX/MEMBER/FILE.db");
        }
        try {
            S3Location dir = new S3Location(rest.substring(0, firstSlash),
                    lastSlash == firstSlash ? "" : rest.substring(firstSlash + 1, lastSlash + 1));
            return new S3BackupLocation(dir, rest.substring(lastSlash + 1));
        } catch (InvalidS3AddressException e) {
            throw new BackupLocationException("'" + printable(text) + "': " + e.getMessage());
        }
    }

    /** Checked for both forms: the name becomes a file in the snapshot folder. */
    static void checkFileName(String location, String name) {
        if (!FILE_NAME.matcher(name).matches()) {
            throw new BackupLocationException("'" + printable(location) + "' does not end in a backup file's name "
                    + "(letters, digits, '.', '_' and '-', ending in .db)");
        }
    }

    /** What a typed value may be shown as: control characters replaced. */
    static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
