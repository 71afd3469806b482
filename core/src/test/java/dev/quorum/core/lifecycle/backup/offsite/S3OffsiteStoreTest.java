package dev.quorum.core.lifecycle.backup.offsite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quorum.core.release.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 store against a real S3 API server (s3proxy on 127.0.0.1, filesystem backend). */
class S3OffsiteStoreTest {
    private static final String BUCKET = "quorum-backups";

    @TempDir
    static Path serverDir;
    private static S3ProxyServer server;
    private static S3Endpoint endpoint;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start(serverDir);
        server.createBucket(BUCKET);
        endpoint = S3Endpoint.parse(server.endpoint().toString(), S3Endpoint.DEFAULT_REGION);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static S3OffsiteStore store(String location) {
        return S3OffsiteStore.open(S3Location.parse(location), endpoint, server.credentials());
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void uploadedBackupsAreListedWithTheirMetadataAndDownloadVerified() throws Exception {
        try (S3OffsiteStore store = store("s3://" + BUCKET + "/cluster-a/daily")) {
            Path first = file("snap-1.db", "first snapshot bytes");
            Path second = file("snap-2.db", "second snapshot, a little longer");
            store.upload(first, "snap-1.db", new BackupMetadata(Optional.empty(), OptionalLong.of(41), Optional.of("etcd1")));
            OffsiteBackup uploaded = store.upload(second, "snap-2.db",
                    new BackupMetadata(Optional.empty(), OptionalLong.of(42), Optional.of("etcd2")));

            assertThat(uploaded.url()).isEqualTo("s3://" + BUCKET + "/cluster-a/daily/snap-2.db");
            List<OffsiteBackup> listed = store.list();
            assertThat(listed).extracting(OffsiteBackup::name).containsExactlyInAnyOrder("snap-1.db", "snap-2.db");
            OffsiteBackup two = listed.stream().filter(b -> b.name().equals("snap-2.db")).findFirst().orElseThrow();
            assertThat(two.size()).isEqualTo(Files.size(second));
            assertThat(two.lastModified()).isNotNull();
            assertThat(two.metadata()).isEqualTo(new BackupMetadata(Optional.of(Sha256.of(second)), OptionalLong.of(42),
                    Optional.of("etcd2")));

            Path target = dir.resolve("pulled").resolve("snap-2.db");
            DownloadedBackup downloaded = store.download(two, target);
            assertThat(downloaded.verified()).isTrue();
            assertThat(downloaded.sha256()).isEqualTo(Sha256.of(second));
            assertThat(Files.readAllBytes(target)).isEqualTo(Files.readAllBytes(second));
            assertThat(target.resolveSibling("snap-2.db.partial")).doesNotExist();

            DownloadedBackup again = store.download(two, target);
            assertThat(again).isEqualTo(downloaded);
        }
    }

    @Test
    void listShowsOnlyTheLocationsOwnObjects() throws Exception {
        try (S3OffsiteStore a = store("s3://" + BUCKET + "/only-a/"); S3OffsiteStore b = store("s3://" + BUCKET + "/only-b")) {
            a.upload(file("a.db", "a"), "a.db", BackupMetadata.none());
            b.upload(file("b.db", "b"), "b.db", BackupMetadata.none());
            assertThat(a.list()).extracting(OffsiteBackup::key).containsExactly("only-a/a.db");
        }
    }

    @Test
    void checkProvesTheBucketIsWritableAndLeavesNoProbe() {
        try (S3OffsiteStore store = store("s3://" + BUCKET + "/checked/")) {
            assertThat(store.check()).isEqualTo(OffsiteAccess.READ_WRITE);
            assertThat(store.list()).isEmpty();
            try (S3Client raw = S3Clients.create(endpoint, server.credentials())) {
                assertThat(raw.listObjectsV2(r -> r.bucket(BUCKET).prefix("checked/")).contents()).isEmpty();
            }
        }
    }

    @Test
    void aDownloadWhoseSha256DiffersIsRefusedAndNothingIsKept() throws Exception {
        String wrongSha = Sha256.of("something else".getBytes(StandardCharsets.UTF_8));
        try (S3Client raw = S3Clients.create(endpoint, server.credentials())) {
            raw.putObject(r -> r.bucket(BUCKET).key("damaged/snap.db").metadata(Map.of("sha256", wrongSha)),
                    RequestBody.fromString("the real bytes"));
        }
        try (S3OffsiteStore store = store("s3://" + BUCKET + "/damaged/")) {
            OffsiteBackup damaged = store.list().get(0);
            assertThat(damaged.metadata().sha256()).contains(wrongSha);
            Path target = dir.resolve("snap.db");

            BackupChecksumMismatchException refused = catchThrowableOfType(BackupChecksumMismatchException.class,
                    () -> store.download(damaged, target));

            assertThat(refused.getMessage()).contains("s3://" + BUCKET + "/damaged/snap.db", wrongSha,
                    Sha256.of("the real bytes".getBytes(StandardCharsets.UTF_8)));
            assertThat(target).doesNotExist();
            assertThat(dir.resolve("snap.db.partial")).doesNotExist();
        }
    }

    @Test
    void aWrongSecretIsReportedAsRefusedCredentialsWithoutTheSecret() {
        String wrongSecret = "wrong-" + server.secret();
        S3Credentials wrong = S3Credentials.of(S3ProxyServer.ACCESS_KEY, wrongSecret);
        try (S3OffsiteStore store = S3OffsiteStore.open(S3Location.parse("s3://" + BUCKET + "/x/"), endpoint, wrong)) {
            S3CredentialsRefusedException refused = catchThrowableOfType(S3CredentialsRefusedException.class,
                    store::check);

            assertThat(refused.getMessage()).contains("refused the credentials", S3ProxyServer.ACCESS_KEY, BUCKET,
                    server.endpoint().toString());
            assertThat(refused.hint()).contains("AWS_SECRET_ACCESS_KEY");
            assertThat(refused.getMessage() + refused.hint()).doesNotContain(wrongSecret, server.secret());
        }
    }

    @Test
    void aMissingBucketIsNamed() {
        try (S3OffsiteStore store = store("s3://no-such-bucket-here/cluster/")) {
            S3BucketMissingException missing = catchThrowableOfType(S3BucketMissingException.class, store::list);

            assertThat(missing.getMessage()).contains("no-such-bucket-here", "does not exist",
                    server.endpoint().toString());
            assertThat(missing.hint()).contains("s3://no-such-bucket-here");
        }
    }

    @Test
    void anUnreadableLocalTargetIsTheWorkstationsErrorNotTheStores() throws Exception {
        try (S3OffsiteStore store = store("s3://" + BUCKET + "/exists/")) {
            OffsiteBackup backup = store.upload(file("e.db", "e"), "e.db", BackupMetadata.none());
            Path taken = file("taken.db", "other bytes");

            assertThatThrownBy(() -> store.download(backup, taken)).isInstanceOf(OffsiteFileException.class)
                    .hasMessageContaining("already exists");
            assertThat(Files.readString(taken)).isEqualTo("other bytes");
        }
    }
}
