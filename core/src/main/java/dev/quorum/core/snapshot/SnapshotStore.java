package dev.quorum.core.snapshot;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.quorum.core.etcd.EtcdAdmin;
import dev.quorum.core.etcd.KeyCount;
import dev.quorum.core.release.Sha256;
import dev.quorum.core.workspace.OwnerOnly;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Snapshots on the workstation: each {@code .db} with a {@code .db.json} beside it (sha256,
 * revision, key count, members, etcd version). Taken over the client API, so from any member that
 * serves; written to a {@code .part} file first, so a file with its final name is complete. A
 * snapshot is the whole key space (secrets included): files are 0600 and new folders 0700 from
 * the moment they are created.
 */
public final class SnapshotStore {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final long TIMEOUT_SECONDS = 300;

    private final Path dir;

    public SnapshotStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** A new file in this store, named by time and reason. */
    public SnapshotInfo save(EtcdAdmin admin, String reason, String etcdVersion, List<String> members)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        return saveTo(admin, newFile(reason), reason, etcdVersion, members);
    }

    /** Named by time (to the second) and reason; a re-run within the same second gets -2, -3, ... */
    public Path newFile(String reason) {
        String name = NAME.format(Instant.now()) + "-" + slug(reason);
        Path file = dir.resolve(name + ".db");
        for (int n = 2; Files.exists(file); n++) {
            file = dir.resolve(name + "-" + n + ".db");
        }
        return file;
    }

    /** Saves to {@code file} (anywhere), its metadata beside it. An existing file is not overwritten. */
    public static SnapshotInfo saveTo(EtcdAdmin admin, Path file, String reason, String etcdVersion,
                                      List<String> members)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        if (Files.exists(file)) {
            throw new IOException(file + " already exists");
        }
        Path parent = file.toAbsolutePath().getParent();
        OwnerOnly.directories(parent);
        Instant now = Instant.now();
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        // Counted just before the snapshot, in one linearizable read: the snapshot holds at least this
        // revision, and a restored cluster can count again at exactly this revision.
        KeyCount count = admin.keyCount().get(10, TimeUnit.SECONDS);
        try (OutputStream out = new BufferedOutputStream(OwnerOnly.newOutputStream(partial))) {
            admin.snapshot(out).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        SnapshotInfo info = new SnapshotInfo(file.toAbsolutePath(), Sha256.of(file), Files.size(file),
                count.revision(), count.count(), now, etcdVersion, members, reason, false);
        writeMetadata(info);
        return info;
    }

    public static void writeMetadata(SnapshotInfo info) throws IOException {
        try (OutputStream out = OwnerOnly.newOutputStream(metadataFile(info.file()))) {
            JSON.writeValue(out, info);
        }
    }

    /** The snapshots of this store, newest first; a .db without metadata is listed with what its file tells. */
    public List<SnapshotInfo> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<SnapshotInfo> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".db")).sorted().toList()) {
                found.add(readMetadata(file).orElse(withoutMetadata(file)));
            }
        }
        found.sort(Comparator.comparing(SnapshotInfo::takenAt).reversed());
        return found;
    }

    private static SnapshotInfo withoutMetadata(Path file) throws IOException {
        return new SnapshotInfo(file, "", Files.size(file), 0, null, Files.getLastModifiedTime(file).toInstant(),
                "unknown", List.of(), "(no metadata)", !SnapshotVerifier.hasTrailingHash(Files.size(file)));
    }

    /** The metadata beside {@code snapshot}, pointing at where the file is now (it may have been moved). */
    public static Optional<SnapshotInfo> readMetadata(Path snapshot) throws IOException {
        Path meta = metadataFile(snapshot);
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(meta.toFile(), SnapshotInfo.class).at(snapshot.toAbsolutePath()));
    }

    public static Path metadataFile(Path snapshot) {
        return snapshot.resolveSibling(snapshot.getFileName() + ".json");
    }

    private static String slug(String reason) {
        return reason.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
