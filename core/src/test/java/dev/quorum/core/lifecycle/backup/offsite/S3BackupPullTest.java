package dev.quorum.core.lifecycle.backup.offsite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunResult;
import dev.quorum.core.engine.Runner;
import dev.quorum.core.lifecycle.backup.pull.BackupLocation;
import dev.quorum.core.lifecycle.backup.pull.BackupPulls;
import dev.quorum.core.lifecycle.backup.pull.OffsiteStores;
import dev.quorum.core.lifecycle.backup.pull.PullRequest;
import dev.quorum.core.lifecycle.backup.pull.S3BackupLocation;
import dev.quorum.core.release.Sha256;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.core.snapshot.SnapshotIntegrity;
import dev.quorum.core.snapshot.SnapshotStore;
import dev.quorum.core.snapshot.SnapshotVerifier;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code quorum backup pull s3://...} against a real S3 API server (s3proxy on 127.0.0.1): objects laid out as the
 * hosts upload them (PREFIX/MEMBER/FILE.db with the sha256, revision and member in their metadata).
 */
class S3BackupPullTest {
    private static final String BUCKET = "quorum-pulls";
    private static final String PREFIX = "s3://" + BUCKET + "/cluster-a/etcd1/";

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

    static OffsiteStores stores() {
        return location -> S3OffsiteStore.open(location, endpoint, server.credentials());
    }

    static byte[] snapshot(int seed) {
        byte[] body = new byte[4096];
        Arrays.fill(body, (byte) seed);
        ByteBuffer.wrap(body, 16, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0xED0CDAED);
        byte[] hash = HexFormat.of().parseHex(Sha256.of(body));
        byte[] all = Arrays.copyOf(body, body.length + hash.length);
        System.arraycopy(hash, 0, all, body.length, hash.length);
        return all;
    }

    /** As a host's job uploads it: its sha256, revision and member in the object's metadata. */
    Path uploaded(String name, byte[] bytes) throws Exception {
        Path file = Files.write(dir.resolve("upload-" + name), bytes);
        try (OffsiteStore store = stores().open(S3Location.parse(PREFIX))) {
            store.upload(file, name, new BackupMetadata(Optional.empty(), OptionalLong.of(77), Optional.of("etcd1")));
        }
        return file;
    }

    RunResult pull(String location, OffsiteStores stores) {
        S3BackupLocation parsed = (S3BackupLocation) BackupLocation.parse(location);
        var plan = BackupPulls.plan("c", new PullRequest(parsed, dir.resolve("pulled")), BackupPulls.offsite(parsed, stores));
        return new Runner(event -> { }, 1, new Cancellation()).run(plan, RunMode.APPLY);
    }

    @Test
    void anOffsiteBackupIsPulledByItsUrlCheckedAndARerunIsAlreadyHere() throws Exception {
        byte[] bytes = snapshot(3);
        uploaded("quorum-backup-etcd1-20261204T100000Z.db", bytes);
        Path target = dir.resolve("pulled").resolve("quorum-backup-etcd1-20261204T100000Z.db");

        RunResult first = pull(PREFIX + "quorum-backup-etcd1-20261204T100000Z.db", stores());

        assertThat(first.succeeded()).as(first.failures().toString()).isTrue();
        assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
        assertThat(SnapshotVerifier.verify(target).state()).isEqualTo(SnapshotIntegrity.State.INTACT);
        SnapshotInfo info = SnapshotStore.readMetadata(target).orElseThrow();
        assertThat(info.revision()).isEqualTo(77);
        assertThat(info.members()).containsExactly("etcd1");
        assertThat(info.reason()).isEqualTo("pulled from " + PREFIX + "quorum-backup-etcd1-20261204T100000Z.db");

        RunResult again = pull(PREFIX + "quorum-backup-etcd1-20261204T100000Z.db", stores());
        assertThat(again.succeeded()).isTrue();
        assertThat(again.summary().nothingChanged()).isTrue();
    }

    @Test
    void aMissingObjectIsNotABackupAndNothingIsWritten() {
        RunResult result = pull(PREFIX + "quorum-backup-etcd1-20991231T000000Z.db", stores());

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failures().get(0).message()).contains("is not a backup");
        assertThat(result.failures().get(0).hint()).contains("quorum backup list");
        assertThat(dir.resolve("pulled")).doesNotExist();
    }

    @Test
    void anObjectWithoutItsSha256CannotBeCheckedAndIsRefused() {
        try (S3Client raw = S3Clients.create(endpoint, server.credentials())) {
            raw.putObject(r -> r.bucket(BUCKET).key("cluster-a/etcd1/by-hand.db"), RequestBody.fromBytes(snapshot(4)));
        }

        RunResult result = pull(PREFIX + "by-hand.db", stores());

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failures().get(0).message()).contains("not a verified backup", "x-amz-meta-sha256");
    }

    @Test
    void aStoreThatDoesNotAnswerIsUnknownNotAbsent() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        S3Endpoint closed = S3Endpoint.parse("http://127.0.0.1:" + port, S3Endpoint.DEFAULT_REGION);
        S3Waits quick = new S3Waits(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4));

        RunResult result = pull(PREFIX + "quorum-backup-etcd1-20261204T100000Z.db",
                location -> S3OffsiteStore.open(location, closed, server.credentials(), quick));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failures().get(0).message()).contains("cannot tell", "did not answer", "nothing was copied");
    }
}
