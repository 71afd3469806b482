package dev.quorum.core.release;

import dev.quorum.core.inventory.EtcdSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Small etcd-v9.9.9 release tarballs for the fetcher's tests, and settings that name them. */
final class TestTarballs {
    private TestTarballs() {
    }

    /** {@code dir/etcd-v9.9.9-linux-amd64.tar.gz} holding each file name with its content, in order. */
    static Path write(Path dir, Map<String, String> contents) throws IOException {
        Path file = dir.resolve("etcd-v9.9.9-linux-amd64.tar.gz");
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (Map.Entry<String, String> named : contents.entrySet()) {
                byte[] content = named.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry("etcd-v9.9.9-linux-amd64/" + named.getKey());
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    static EtcdSettings settings(Path tarball, Optional<String> checksum) {
        return new EtcdSettings("v9.9.9", tarball.toUri(), checksum, "/var/lib/etcd", "/etc/ssl/etcd/ssl",
                "/usr/local/bin", 250, 5000, List.of(), List.of(), "k8s_etcd", "amd64");
    }
}
