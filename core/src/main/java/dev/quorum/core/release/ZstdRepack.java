package dev.quorum.core.release;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The release's tar stream, byte for byte, compressed with zstd instead of gzip (decision 0062): a host that has
 * {@code zstd} unpacks it in about a fifth of gzip's CPU time, and it is no larger. Written beside the cached tarball
 * from the bytes the fetch decompresses anyway, on a thread of its own; every host still compares each binary's
 * sha256 with the release's, so a damaged pack installs nothing.
 */
final class ZstdRepack {
    /** zstd's default: about gzip's size for etcd's binaries, at a fraction of gzip's cost to unpack. */
    private static final int LEVEL = 3;

    private ZstdRepack() {
    }

    /** Where the pack of a cached tarball lives: {@code NAME.tar.gz} beside {@code NAME.tar.zst}. */
    static Path pathOf(Path tarball) {
        String name = tarball.getFileName().toString();
        String stem = name.endsWith(".tar.gz") ? name.substring(0, name.length() - ".tar.gz".length())
                : name.endsWith(".tgz") ? name.substring(0, name.length() - ".tgz".length()) : name;
        return tarball.resolveSibling(stem + ".tar.zst");
    }

    /** The file the pack is written to before it is known to be whole, and the tarball verified. */
    static Path partOf(Path tarball) {
        Path pack = pathOf(tarball);
        return pack.resolveSibling(pack.getFileName() + ".part");
    }

    /**
     * Compresses what the pipe carries into {@code part} on a thread of its own. Completes with the part file, or
     * empty when it could not be written (no space, or zstd's native library cannot load, for example from a
     * {@code noexec} temporary directory): then hosts get the gzip tarball, as before.
     */
    static CompletableFuture<Optional<Path>> writeAside(ChunkPipe tar, Path part) {
        return ChunkPipe.readAside(tar, in -> write(in, part)).exceptionally(failure -> {
            deleteQuietly(part);
            return Optional.empty();
        });
    }

    private static Optional<Path> write(InputStream tar, Path part) throws IOException {
        try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(part), LEVEL).setChecksum(true)) {
            tar.transferTo(out);
        } catch (IOException | RuntimeException | LinkageError e) {
            deleteQuietly(part);
            return Optional.empty();
        }
        return Optional.of(part);
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover .part is overwritten by the next fetch
        }
    }
}
