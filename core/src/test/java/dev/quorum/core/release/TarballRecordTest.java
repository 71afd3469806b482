package dev.quorum.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.inventory.EtcdSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A re-run reads what the first run found in the cached tarball, unless the tarball changed since. */
class TarballRecordTest {
    @TempDir
    Path dir;

    private Path tarball(String etcdContent) throws IOException {
        Map<String, String> contents = new LinkedHashMap<>();
        contents.put("etcd", etcdContent);
        contents.put("etcdctl", "binary etcdctl");
        contents.put("etcdutl", "binary etcdutl");
        return TestTarballs.write(dir, contents);
    }

    private static EtcdSettings settings(Path tarball, Optional<String> checksum) {
        return TestTarballs.settings(tarball, checksum);
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
    void aRepackChangedSinceItWasWrittenIsNotUsedAndTheTarballStillIs() throws Exception {
        Path source = tarball("binary etcd");
        ReleaseFetcher fetcher = new ReleaseFetcher(dir.resolve("cache"), Duration.ofSeconds(5));
        EtcdRelease first = fetcher.fetch(settings(source, Optional.empty()));
        Files.writeString(first.zstdTarball().orElseThrow(), "not what was written");

        EtcdRelease again = fetcher.cached(settings(source, Optional.empty())).orElseThrow();

        assertThat(again.zstdTarball()).isEmpty();
        assertThat(again.sha256()).isEqualTo(first.sha256());
        assertThat(again.binaries()).isEqualTo(first.binaries());
    }

    @Test
    void aRecordWrittenBeforeRepacksMeansTheGzipTarball() throws Exception {
        Path source = tarball("binary etcd");
        ReleaseFetcher fetcher = new ReleaseFetcher(dir.resolve("cache"), Duration.ofSeconds(5));
        EtcdRelease first = fetcher.fetch(settings(source, Optional.empty()));
        Path record = TarballRecord.fileOf(first.tarball());
        Files.writeString(record, Files.readString(record).replaceAll(",\\s*\"zstdIdentity\"\\s*:\\s*\"[^\"]*\"", ""));
        assertThat(Files.readString(record)).doesNotContain("zstdIdentity");

        EtcdRelease again = fetcher.cached(settings(source, Optional.empty())).orElseThrow();

        assertThat(again.zstdTarball()).isEmpty();
        assertThat(again.etcdSha256()).isEqualTo(first.etcdSha256());
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
    void anUnchangedCachedTarballIsTakenFromItsRecordWithoutHashingItAgain() throws Exception {
        Path tarball = tarball("binary etcd");
        ReleaseFetcher fetcher = new ReleaseFetcher(dir.resolve("cache"), Duration.ofSeconds(5));
        Path cached = fetcher.fetch(settings(tarball, Optional.empty())).tarball();
        Path record = TarballRecord.fileOf(cached);
        String marked = "f".repeat(64);
        Files.writeString(record, Files.readString(record).replace(Sha256.of(cached), marked));

        // only the record knows this sha256: the tarball was not read again
        assertThat(fetcher.cached(settings(tarball, Optional.empty()))).map(EtcdRelease::sha256).contains(marked);
    }

    @Test
    void aCachedTarballRewrittenWithItsOldSizeAndModificationTimeIsHashedAgainAndRefused() throws Exception {
        Path tarball = tarball("binary etcd");
        String released = Sha256.of(tarball);
        ReleaseFetcher fetcher = new ReleaseFetcher(dir.resolve("cache"), Duration.ofSeconds(5));
        Path cached = fetcher.fetch(settings(tarball, Optional.of(released))).tarball();
        FileTime modified = Files.getLastModifiedTime(cached);
        byte[] bytes = Files.readAllBytes(cached);
        bytes[bytes.length / 2] ^= 1;
        Files.write(cached, bytes);
        Files.setLastModifiedTime(cached, modified);

        assertThat(Files.size(cached)).isEqualTo(Files.size(tarball));
        assertThat(fetcher.cached(settings(tarball, Optional.of(released)))).isEmpty();
        EtcdRelease again = fetcher.fetch(settings(tarball, Optional.of(released)));
        assertThat(again.sha256()).isEqualTo(released);
        assertThat(Sha256.of(again.tarball())).isEqualTo(released);
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
