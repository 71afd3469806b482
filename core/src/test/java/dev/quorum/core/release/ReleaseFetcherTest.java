package dev.quorum.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.inventory.EtcdSettings;
import com.github.luben.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseFetcherTest {
    @TempDir
    Path dir;

    private Path tarball(String... files) throws IOException {
        Map<String, String> contents = new LinkedHashMap<>();
        for (String name : files) {
            contents.put(name, "binary " + name);
        }
        return TestTarballs.write(dir, contents);
    }

    private static EtcdSettings settings(Path tarball, Optional<String> checksum) {
        return TestTarballs.settings(tarball, checksum);
    }

    @Test
    void fetchesALocalTarballAndHashesItsBinaries() throws Exception {
        Path tarball = tarball("etcd", "etcdctl", "README.md");
        ReleaseFetcher fetcher = new ReleaseFetcher(dir.resolve("cache"), Duration.ofSeconds(5));

        EtcdRelease release = fetcher.fetch(settings(tarball, Optional.of(Sha256.of(tarball))));

        assertThat(release.tarball()).startsWith(dir.resolve("cache"));
        assertThat(release.sha256()).isEqualTo(Sha256.of(tarball));
        assertThat(release.etcdEntry()).isEqualTo("etcd-v9.9.9-linux-amd64/etcd");
        assertThat(release.etcdSha256()).isEqualTo(Sha256.of("binary etcd".getBytes(StandardCharsets.UTF_8)));
        assertThat(release.etcdctlSha256()).isEqualTo(Sha256.of("binary etcdctl".getBytes(StandardCharsets.UTF_8)));
        assertThat(fetcher.cached(settings(tarball, Optional.empty()))).isPresent();
    }

    @Test
    void theFetchRepacksTheTarStreamWithZstdByteForByte() throws Exception {
        Path tarball = tarball("etcd", "etcdctl", "etcdutl", "README.md");
        ReleaseFetcher fetcher = new ReleaseFetcher(dir.resolve("cache"), Duration.ofSeconds(5));

        EtcdRelease release = fetcher.fetch(settings(tarball, Optional.empty()));

        Path zstd = release.zstdTarball().orElseThrow();
        assertThat(zstd).isEqualTo(ZstdRepack.pathOf(release.tarball()));
        assertThat(zstd.getFileName().toString()).endsWith("etcd-v9.9.9-linux-amd64.tar.zst");
        try (InputStream fromZstd = new ZstdInputStream(Files.newInputStream(zstd));
             InputStream fromGzip = new GzipCompressorInputStream(Files.newInputStream(tarball))) {
            assertThat(fromZstd.readAllBytes()).isEqualTo(fromGzip.readAllBytes());
        }
        assertThat(ZstdRepack.partOf(release.tarball())).doesNotExist();
        assertThat(fetcher.cached(settings(tarball, Optional.empty()))).map(EtcdRelease::zstdTarball)
                .contains(Optional.of(zstd));
    }

    @Test
    void etcdutlIsFoundWhenTheReleaseShipsItAndListedWithTheBinariesToInstall() throws Exception {
        ReleaseFetcher fetcher = new ReleaseFetcher(dir.resolve("cache"), Duration.ofSeconds(5));
        Path tarball = tarball("etcd", "etcdctl", "etcdutl");

        EtcdRelease release = fetcher.fetch(settings(tarball, Optional.empty()));

        assertThat(release.etcdutl()).contains(new ReleaseBinary("etcdutl", "etcd-v9.9.9-linux-amd64/etcdutl",
                Sha256.of("binary etcdutl".getBytes(StandardCharsets.UTF_8))));
        assertThat(release.binaries()).extracting(ReleaseBinary::name).containsExactly("etcd", "etcdctl", "etcdutl");
    }

    @Test
    void aReleaseWithoutEtcdutlHasOnlyEtcdAndEtcdctlToInstall() throws Exception {
        ReleaseFetcher fetcher = new ReleaseFetcher(dir.resolve("cache"), Duration.ofSeconds(5));

        EtcdRelease release = fetcher.fetch(settings(tarball("etcd", "etcdctl"), Optional.empty()));

        assertThat(release.hasEtcdutl()).isFalse();
        assertThat(release.binaries()).extracting(ReleaseBinary::name).containsExactly("etcd", "etcdctl");
    }

    @Test
    void aChecksumMismatchIsRefusedAndNothingIsCached() throws Exception {
        Path tarball = tarball("etcd", "etcdctl");
        ReleaseFetcher fetcher = new ReleaseFetcher(dir.resolve("cache"), Duration.ofSeconds(5));
        String wrong = "0".repeat(64);

        assertThatThrownBy(() -> fetcher.fetch(settings(tarball, Optional.of(wrong))))
                .isInstanceOf(ReleaseException.class)
                .hasMessageContaining("etcd_binary_checksum says " + wrong)
                .hasMessageContaining("nothing was installed")
                .satisfies(e -> assertThat(((ReleaseException) e).hint()).contains("etcd_binary_checksum"));
        try (var files = Files.list(dir.resolve("cache"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aTarballWithoutBinariesIsRefused() throws Exception {
        Path tarball = tarball("README.md");
        ReleaseFetcher fetcher = new ReleaseFetcher(dir.resolve("cache"), Duration.ofSeconds(5));

        assertThatThrownBy(() -> fetcher.fetch(settings(tarball, Optional.empty())))
                .hasMessageContaining("holds no etcd and etcdctl binaries");
    }

    @Test
    void aMissingFileSaysHowToPointAtALocalTarball() {
        ReleaseFetcher fetcher = new ReleaseFetcher(dir.resolve("cache"), Duration.ofSeconds(5));

        assertThatThrownBy(() -> fetcher.fetch(settings(dir.resolve("absent.tar.gz"), Optional.empty())))
                .isInstanceOf(ReleaseException.class)
                .hasMessageContaining("cannot get the etcd release")
                .hasMessageContaining("no such file " + dir.resolve("absent.tar.gz"))
                .satisfies(e -> assertThat(((ReleaseException) e).hint()).contains("file:///"));
    }
}
