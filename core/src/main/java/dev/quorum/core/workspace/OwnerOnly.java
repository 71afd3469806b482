package dev.quorum.core.workspace;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Folders (0700) and files (0600) only their owner can read: snapshots, survivor copies and run
 * logs hold the cluster's data. The mode is part of the create call, so the file is never readable
 * by others, not even between creating and a chmod. Where the file system has no POSIX modes (a
 * Windows workstation) the user-profile ACLs are all there is, and files are created plainly.
 */
public final class OwnerOnly {
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnly() {
    }

    /**
     * Creates {@code dir} and its missing parents as 0700. Existing folders are left as they are:
     * this may be a folder the user chose (a snapshot saved elsewhere); {@link #tighten} is for
     * Quorum's own folders.
     */
    public static Path directories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        if (isPosix(dir)) {
            return Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        }
        return Files.createDirectories(dir);
    }

    /**
     * Opens {@code file} for writing (by default: create, or truncate an existing one), a new file
     * as 0600. An existing file keeps its mode on open, so it is tightened before anything is
     * written to it.
     */
    public static OutputStream newOutputStream(Path file, OpenOption... options) throws IOException {
        if (!isPosix(file)) {
            return Files.newOutputStream(file, options);
        }
        Set<OpenOption> open = new HashSet<>(options.length == 0
                ? List.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)
                : List.of(options));
        open.add(StandardOpenOption.WRITE);
        SeekableByteChannel channel = Files.newByteChannel(file, open, PosixFilePermissions.asFileAttribute(FILE));
        try {
            tighten(file);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return Channels.newOutputStream(channel);
    }

    /**
     * Takes every group and other permission away from an existing file or folder; the owner's
     * own bits are kept. A missing path is left missing.
     *
     * @return whether the mode was changed
     */
    public static boolean tighten(Path path) throws IOException {
        if (!Files.exists(path) || !isPosix(path)) {
            return false;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
        Set<PosixFilePermission> kept = EnumSet.noneOf(PosixFilePermission.class);
        kept.addAll(mode);
        if (!kept.removeAll(OTHERS)) {
            return false;
        }
        Files.setPosixFilePermissions(path, kept);
        return true;
    }

    /** Whether the file system {@code path} is (or would be) on has POSIX modes. */
    static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
