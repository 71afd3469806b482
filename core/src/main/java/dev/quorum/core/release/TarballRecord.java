package dev.quorum.core.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;

/**
 * What reading a cached tarball found (its sha256 and the binaries inside), kept beside it as
 * {@code NAME.verified.json} with the file's identity: size, modification and change times and inode (decision 0061,
 * as decision 0052's record of installed binaries). A re-run finds the tarball unchanged and skips decompressing and
 * hashing it again (about half a second per run); a tarball that changed in any way is read again. The change time
 * is what makes this hold: the kernel sets it on every write, rename or {@code touch}, and no tool sets it back, so
 * a file rewritten and given its old modification time is still read again. The record lives in the same owner-only
 * cache as the tarball, and every host still checks the sha256 of what it unpacks.
 */
final class TarballRecord {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param identity the tarball's {@link #identity} when it was read; a record without it is never trusted */
    /** @param zstdIdentity the zstd repack's {@link #identity} when it was written; null when there is none */
    record Entry(String identity, String sha256, String etcdSha256, String etcdctlSha256,
                 String etcdEntry, String etcdctlEntry, String etcdutlEntry, String etcdutlSha256,
                 String zstdIdentity) {
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
            if (entry.identity() == null || !entry.identity().equals(identity(tarball))) {
                return Optional.empty();
            }
            Optional<ReleaseBinary> etcdutl = Optional.ofNullable(entry.etcdutlEntry())
                    .map(path -> new ReleaseBinary("etcdutl", path, entry.etcdutlSha256()));
            return Optional.of(new EtcdRelease(tarball, entry.sha256(), version, entry.etcdSha256(),
                    entry.etcdctlSha256(), entry.etcdEntry(), entry.etcdctlEntry(), etcdutl,
                    zstdTarball(tarball, entry.zstdIdentity())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or from another version of Quorum: read the tarball again
        }
    }

    /** The repack when it is still exactly the file written with the record (a record from before 0062 has none). */
    private static Optional<Path> zstdTarball(Path tarball, String recorded) throws IOException {
        Path pack = ZstdRepack.pathOf(tarball);
        return recorded != null && Files.isRegularFile(pack) && recorded.equals(identity(pack))
                ? Optional.of(pack) : Optional.empty();
    }

    /**
     * Size, modification time, change time and inode, to the resolution the file system keeps (nanoseconds on the usual
     * Linux ones). Where the system has no unix attributes, size, modification time and file key: weaker, as the
     * change time is what no tool sets back.
     */
    static String identity(Path tarball) throws IOException {
        if (tarball.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            Map<String, Object> unix = Files.readAttributes(tarball, "unix:size,lastModifiedTime,ctime,ino,dev");
            return "size=" + unix.get("size") + " mtime=" + unix.get("lastModifiedTime") + " ctime=" + unix.get("ctime")
                    + " ino=" + unix.get("ino") + " dev=" + unix.get("dev");
        }
        BasicFileAttributes basic = Files.readAttributes(tarball, BasicFileAttributes.class);
        return "size=" + basic.size() + " mtime=" + basic.lastModifiedTime() + " key=" + basic.fileKey();
    }

    /**
     * Best effort: without the record the next run reads the tarball again. Written only when the tarball is still the
     * file that was read ({@code identityWhenRead}, taken before its bytes were), so a change while it was being read
     * is never vouched for.
     */
    static void write(EtcdRelease release, String identityWhenRead) {
        Path file = fileOf(release.tarball());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try {
            if (!identity(release.tarball()).equals(identityWhenRead)) {
                return;
            }
            Entry entry = new Entry(identityWhenRead, release.sha256(),
                    release.etcdSha256(), release.etcdctlSha256(), release.etcdEntry(), release.etcdctlEntry(),
                    release.etcdutl().map(ReleaseBinary::entry).orElse(null),
                    release.etcdutl().map(ReleaseBinary::sha256).orElse(null),
                    release.zstdTarball().isPresent() ? identity(release.zstdTarball().get()) : null);
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
