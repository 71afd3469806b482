package dev.quorum.core.release;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Finds {@code etcd}, {@code etcdctl} and (from 3.5) {@code etcdutl} in a release tarball and hashes them, so a host's
 * installed binaries can be compared without unpacking anything there.
 */
final class TarballContents {
    private static final String[] BINARIES = {"etcd", "etcdctl", "etcdutl"};

    private TarballContents() {
    }

    /**
     * Entry path and sha256 of each binary, keyed by binary name, from a stream of the tarball's bytes. Each binary is
     * hashed on a thread of its own while the next bytes are decompressed (decision 0061): gzip and sha256 take about
     * as long each, so the two together take little more than the decompression alone. Every decompressed byte of the
     * tar stream, to its end, is also handed to {@code decompressed} (unless null), which is ended in any case: the
     * zstd repack of decision 0062 is made from the bytes this pass decompresses anyway.
     */
    static Map<String, String[]> binaries(InputStream tarball, ChunkPipe decompressed) throws IOException {
        Map<String, String> entries = new HashMap<>();
        Map<String, CompletableFuture<String>> hashes = new HashMap<>();
        byte[] buffer = new byte[1 << 16];
        try (InputStream gzip = new GzipCompressorInputStream(new BufferedInputStream(tarball, 1 << 16));
             InputStream tee = decompressed == null ? gzip : new TeeToPipe(gzip, decompressed);
             TarArchiveInputStream tar = new TarArchiveInputStream(tee)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (entry.isFile() && isBinary(base) && isTopLevelOrOneDeep(name)) {
                    ChunkPipe bytes = new ChunkPipe();
                    hashes.put(base, ChunkPipe.readAside(bytes, Sha256::of));
                    entries.put(base, name);
                    try {
                        int read;
                        while ((read = tar.read(buffer)) > 0) {
                            bytes.write(buffer, read);
                        }
                    } finally {
                        bytes.end();
                    }
                }
            }
            tee.transferTo(OutputStream.nullOutputStream()); // the end-of-archive blocks too, and gzip's own check
        } finally {
            if (decompressed != null) {
                decompressed.end();
            }
        }
        Map<String, String[]> found = new HashMap<>();
        for (var hash : hashes.entrySet()) {
            found.put(hash.getKey(), new String[] {entries.get(hash.getKey()), ChunkPipe.await(hash.getValue())});
        }
        return found;
    }

    private static boolean isBinary(String base) {
        for (String binary : BINARIES) {
            if (binary.equals(base)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTopLevelOrOneDeep(String name) {
        String trimmed = name.startsWith("./") ? name.substring(2) : name;
        return trimmed.chars().filter(c -> c == '/').count() <= 1;
    }
}
