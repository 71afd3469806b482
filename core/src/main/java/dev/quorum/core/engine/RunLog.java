package dev.quorum.core.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.quorum.core.workspace.OwnerOnly;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every event of a run as one JSON line, flushed as it happens, so a crashed or cancelled
 * run can be read back. Steps must never log secrets: this file is plain text.
 */
public final class RunLog implements RunListener, AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    private final Path file;
    private final BufferedWriter writer;

    private RunLog(Path file, BufferedWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Opens a new log file (0600, its missing folders 0700); an existing file is never overwritten. */
    public static RunLog create(Path file) {
        try {
            // Private from creation: a run's messages name hosts, members and paths of the cluster.
            OwnerOnly.directories(file.toAbsolutePath().getParent());
            OutputStream out = OwnerOnly.newOutputStream(file, StandardOpenOption.CREATE_NEW);
            return new RunLog(file, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run log " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void on(RunEvent event) {
        try {
            writer.write(JSON.writeValueAsString(event));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run log " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close run log " + file, e);
        }
    }

    /** Reads a run back, event by event. */
    public static List<RunEvent> read(Path file) throws IOException {
        List<RunEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                events.add(JSON.readValue(line, RunEvent.class));
            }
        }
        return events;
    }
}
