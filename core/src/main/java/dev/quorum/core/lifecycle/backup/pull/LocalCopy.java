package dev.quorum.core.lifecycle.backup.pull;

import dev.quorum.core.release.Sha256;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.core.snapshot.SnapshotStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The file a pull would write, as it is on this workstation now.
 *
 * @param sha256     of the file, when it exists
 * @param pulledFrom the location its metadata says it was pulled from, when it has such metadata
 * @param recorded   the sha256 its metadata recorded
 */
public record LocalCopy(Path file, boolean exists, String sha256, Optional<String> pulledFrom,
                        Optional<String> recorded) {

    public static LocalCopy absent(Path file) {
        return new LocalCopy(file, false, "", Optional.empty(), Optional.empty());
    }

    public static LocalCopy read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return absent(file);
        }
        Optional<SnapshotInfo> info = Files.isRegularFile(SnapshotStore.metadataFile(file))
                ? SnapshotStore.readMetadata(file) : Optional.empty();
        return new LocalCopy(file, true, Files.isRegularFile(file) ? Sha256.of(file) : "",
                info.flatMap(PulledMetadata::pulledFrom), info.map(SnapshotInfo::sha256));
    }

    /** Its metadata says it is a pull of {@code location}, and its bytes are still the ones recorded then. */
    boolean pulledIntactFrom(BackupLocation location) {
        return exists && pulledFrom.filter(location.text()::equals).isPresent()
                && recorded.filter(sha256::equals).isPresent();
    }
}
