package dev.quorum.core.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.quorum.core.etcd.EtcdAdmin;
import dev.quorum.core.release.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Takes snapshots over the client API into a folder, each with a sha256 and a metadata file. */
public final class SnapshotStore {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    private static final long TIMEOUT_SECONDS = 300;

    private final Path dir;

    public SnapshotStore(Path dir) {
        this.dir = dir;
    }

    public SnapshotInfo save(EtcdAdmin admin, String reason, String etcdVersion, List<String> members)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        Files.createDirectories(dir);
        Instant now = Instant.now();
        Path file = dir.resolve(NAME.format(now) + "-" + slug(reason) + ".db");
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        long revision = admin.linearizableRevision().get(10, TimeUnit.SECONDS);
        try (OutputStream out = Files.newOutputStream(partial)) {
            admin.snapshot(out).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        SnapshotInfo info = new SnapshotInfo(file, Sha256.of(file), Files.size(file), revision, now, etcdVersion,
                members, reason);
        JSON.writeValue(metadataFile(file).toFile(), info);
        return info;
    }

    public static Path metadataFile(Path snapshot) {
        return snapshot.resolveSibling(snapshot.getFileName() + ".json");
    }

    private static String slug(String reason) {
        return reason.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
