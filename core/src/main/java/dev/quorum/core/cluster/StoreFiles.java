package dev.quorum.core.cluster;

import dev.quorum.core.workspace.OwnerOnly;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes and renames in the workstation's CA store that a crash (kill -9, power loss) cannot
 * leave half done: a file is written under a temporary name in its own folder, synced, then
 * renamed over the target, so a reader sees the old file or the whole new one, never a part.
 */
final class StoreFiles {
    /** Temporary files start with this; a crash may leave one behind, never in place of a real file. */
    static final String TEMPORARY_PREFIX = ".quorum-tmp-";

    private StoreFiles() {
    }

    /** Replaces (or creates) {@code target} with {@code text}, owner-only, in one rename. */
    static void write(Path target, String text) throws IOException {
        Path temporary = target.resolveSibling(TEMPORARY_PREFIX + target.getFileName());
        Files.deleteIfExists(temporary);
        try (OutputStream out = OwnerOnly.newOutputStream(temporary, StandardOpenOption.CREATE_NEW)) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        sync(temporary);
        move(temporary, target);
    }

    /**
     * Renames {@code source} to {@code target} (replacing it) atomically where the file system
     * can; both are in the store, so on one file system, and the fallback is only for one that
     * refuses ATOMIC_MOVE outright. The folders are synced so the rename survives a power loss.
     */
    static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncFolder(target.toAbsolutePath().getParent());
        syncFolder(source.toAbsolutePath().getParent());
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Best effort: Linux and macOS sync a folder opened for reading; Windows cannot open one at all. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // Nothing more can be done here; the rename itself already happened.
        }
    }
}
