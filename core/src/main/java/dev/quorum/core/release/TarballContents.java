package dev.quorum.core.release;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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

    /** Entry path and sha256 of each binary, keyed by binary name. */
    static Map<String, String[]> binaries(Path tarball) throws IOException {
        Map<String, String[]> found = new HashMap<>();
        try (InputStream file = new BufferedInputStream(Files.newInputStream(tarball));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (entry.isFile() && isBinary(base) && isTopLevelOrOneDeep(name)) {
                    found.put(base, new String[] {name, Sha256.of(tar)});
                }
            }
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
