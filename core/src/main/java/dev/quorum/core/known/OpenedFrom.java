package dev.quorum.core.known;

import dev.quorum.core.workspace.OwnerOnly;
import dev.quorum.core.workspace.QuorumHome;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The inventory a cluster was last opened from, one absolute path in {@code clusters/NAME/inventory-path}, so the
 * app can list known clusters and open them again. Written by every session (CLI and app alike).
 */
public final class OpenedFrom {
    static final String FILE = "inventory-path";

    private OpenedFrom() {
    }

    /** Records {@code inventory} for {@code clusterName}; unchanged files are not rewritten. */
    public static void record(QuorumHome home, String clusterName, Path inventory) {
        Path file = home.cluster(clusterName).resolve(FILE);
        String text = inventory.toAbsolutePath().normalize().toString();
        try {
            if (read(file).map(p -> p.toString().equals(text)).orElse(false)) {
                return;
            }
            OwnerOnly.directories(file.getParent());
            // Written aside, then moved: a reader never sees half a path.
            Path temporary = file.resolveSibling(FILE + ".new");
            try (OutputStream out = OwnerOnly.newOutputStream(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the inventory of " + clusterName + " in " + file, e);
        }
    }

    /** The recorded inventory, if the file holds one absolute path. */
    static Optional<Path> read(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) > 4096) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.isEmpty() || text.contains("\n")) {
            return Optional.empty();
        }
        Path path = Path.of(text);
        return path.isAbsolute() ? Optional.of(path) : Optional.empty();
    }
}
