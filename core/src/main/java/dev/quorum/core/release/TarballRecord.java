package dev.quorum.core.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * What reading a cached tarball found (its sha256 and the binaries inside), kept beside it as
 * {@code NAME.verified.json} with the file's size and modification time. A re-run finds the tarball
 * unchanged and skips decompressing and hashing it again (about a second per run); a tarball that
 * changed in any way is read again. The record lives in the same owner-only cache as the tarball, and
 * every host still checks the sha256 of what it receives.
 */
final class TarballRecord {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Entry(long size, long modifiedMillis, String sha256, String etcdSha256, String etcdctlSha256,
                 String etcdEntry, String etcdctlEntry, String etcdutlEntry, String etcdutlSha256) {
    }

    private TarballRecord() {
    }

    static Path fileOf(Path tarball) {
        return tarball.resolveSibling(tarball.getFileName() + ".verified.json");
    }

    /** The release as last read, when the tarball is still exactly that file. */
    static Optional<EtcdRelease> read(Path tarball, String version) {
        Path file = fileOf(tarball);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Entry entry = JSON.readValue(file.toFile(), Entry.class);
            BasicFileAttributes now = Files.readAttributes(tarball, BasicFileAttributes.class);
            if (entry.size() != now.size() || entry.modifiedMillis() != now.lastModifiedTime().toMillis()) {
                return Optional.empty();
            }
            Optional<ReleaseBinary> etcdutl = Optional.ofNullable(entry.etcdutlEntry())
                    .map(path -> new ReleaseBinary("etcdutl", path, entry.etcdutlSha256()));
            return Optional.of(new EtcdRelease(tarball, entry.sha256(), version, entry.etcdSha256(),
                    entry.etcdctlSha256(), entry.etcdEntry(), entry.etcdctlEntry(), etcdutl));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or from another version of Quorum: read the tarball again
        }
    }

    /** Best effort: without the record the next run reads the tarball again. */
    static void write(EtcdRelease release) {
        Path file = fileOf(release.tarball());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try {
            BasicFileAttributes now = Files.readAttributes(release.tarball(), BasicFileAttributes.class);
            Entry entry = new Entry(now.size(), now.lastModifiedTime().toMillis(), release.sha256(),
                    release.etcdSha256(), release.etcdctlSha256(), release.etcdEntry(), release.etcdctlEntry(),
                    release.etcdutl().map(ReleaseBinary::entry).orElse(null),
                    release.etcdutl().map(ReleaseBinary::sha256).orElse(null));
            JSON.writeValue(partial.toFile(), entry);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a leftover .part is overwritten next time
            }
        }
    }
}
