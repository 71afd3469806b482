package dev.quorum.core.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files that must never be readable by others, even for an instant: the permissions are
 * part of the create call, not a chmod afterwards. Where the file system has no POSIX modes
 * (a Windows workstation) the user-profile ACLs are all there is.
 */
final class PrivateFiles {
    static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private PrivateFiles() {
    }

    /** Creates {@code dir} (and missing parents) as 0700; an existing directory is left as it is. */
    static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (isPosix(dir.toAbsolutePath().getParent())) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            // The umask can only remove bits; setting the mode again makes it exactly 0700.
            Files.setPosixFilePermissions(dir, OWNER_DIRECTORY);
        } else {
            Files.createDirectories(dir);
        }
    }

    /**
     * Writes {@code text} to {@code target} through a temporary file in the same directory, so a
     * reader sees either nothing or the whole file, never a half-written key.
     */
    static void write(Path target, String text, Set<PosixFilePermission> mode) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        boolean posix = isPosix(dir);
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", attributes);
        try {
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            if (posix) {
                Files.setPosixFilePermissions(temporary, mode);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static boolean isPosix(Path existing) {
        Path probe = existing;
        while (probe != null && !Files.exists(probe)) {
            probe = probe.getParent();
        }
        return probe != null && probe.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
