package dev.quorum.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.inventory.EtcdSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A re-run reads what the first run found in the cached tarball, unless the tarball changed since. */
class TarballRecordTest {
    @TempDir
    Path dir;

    private Path tarball(String etcdContent) throws IOException {
        Path file = dir.resolve("etcd-v9.9.9-linux-amd64.tar.gz");
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (String name : List.of("etcd", "etcdctl", "etcdutl")) {
                byte[] content = (name.equals("etcd") ? etcdContent : "binary " + name).getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry("etcd-v9.9.9-linux-amd64/" + name);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    private static EtcdSettings settings(Path tarball, Optional<String> checksum) {
        return new EtcdSettings("v9.9.9", tarball.toUri(), checksum, "/var/lib/etcd", "/etc/ssl/etcd/ssl",
                "/usr/local/bin", 250, 5000, List.of(), List.of(), "k8s_etcd", "amd64");
    }

    @Test
    void theSecondLookReturnsWhatTheFirstReadWithoutReadingTheTarballAgain() throws Exception {
        Path source = tarball("binary etcd");
        ReleaseFetcher fetcher = new ReleaseFetcher(dir.resolve("cache"), Duration.ofSeconds(5));
        EtcdRelease first = fetcher.fetch(settings(source, Optional.empty()));
        assertThat(TarballRecord.fileOf(first.tarball())).isRegularFile();

        Optional<EtcdRelease> again = fetcher.cached(settings(source, Optional.of(first.sha256())));

        assertThat(again).contains(first);
        assertThat(TarballRecord.read(first.tarball(), "v9.9.9")).contains(first);
    }

    @Test
    void aCachedTarballThatChangedIsReadAgain() throws Exception {
        Path source = tarball("binary etcd");
        ReleaseFetcher fetcher = new ReleaseFetcher(dir.resolve("cache"), Duration.ofSeconds(5));
        EtcdRelease first = fetcher.fetch(settings(source, Optional.empty()));
        FileTime before = Files.getLastModifiedTime(first.tarball());
        Files.copy(tarball("another etcd binary"), first.tarball(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(first.tarball(), FileTime.fromMillis(before.toMillis() + 1000));

        EtcdRelease now = fetcher.cached(settings(source, Optional.empty())).orElseThrow();

        assertThat(now.sha256()).isEqualTo(Sha256.of(first.tarball())).isNotEqualTo(first.sha256());
        assertThat(now.etcdSha256()).isEqualTo(Sha256.of("another etcd binary".getBytes(StandardCharsets.UTF_8)));
        assertThat(TarballRecord.read(first.tarball(), "v9.9.9")).contains(now);
    }

    @Test
    void aRecordedTarballWhoseSha256TheInventoryNoLongerGivesIsNotUsed() throws Exception {
        Path source = tarball("binary etcd");
        ReleaseFetcher fetcher = new ReleaseFetcher(dir.resolve("cache"), Duration.ofSeconds(5));
        fetcher.fetch(settings(source, Optional.empty()));

        assertThat(fetcher.cached(settings(source, Optional.of("1".repeat(64))))).isEmpty();
    }

    @Test
    void aDamagedRecordMeansReadingTheTarballAgain() throws Exception {
        Path source = tarball("binary etcd");
        ReleaseFetcher fetcher = new ReleaseFetcher(dir.resolve("cache"), Duration.ofSeconds(5));
        EtcdRelease first = fetcher.fetch(settings(source, Optional.empty()));
        Files.writeString(TarballRecord.fileOf(first.tarball()), "{not json");

        assertThat(TarballRecord.read(first.tarball(), "v9.9.9")).isEmpty();
        assertThat(fetcher.cached(settings(source, Optional.empty()))).contains(first);
        assertThat(TarballRecord.read(first.tarball(), "v9.9.9")).contains(first);
    }
}
