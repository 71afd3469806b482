package dev.quorum.core.engine;

import dev.quorum.core.workspace.QuorumHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One real run per cluster at a time from this workstation, whether the CLI or a wizard starts it (decision 0070):
 * an OS file lock on {@code ~/.quorum/clusters/NAME/run.lock}, which the OS drops when its process dies, so a run
 * that crashed never leaves the cluster locked. The file only says who holds it; the lock, not the file, decides.
 */
public final class RunLock implements AutoCloseable {
    // A JVM holds a file lock for itself, not per thread: runs of this process are told apart here.
    private static final Map<Path, String> HELD_HERE = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the cluster's lock for {@code plan}'s run, or refuses, naming the run that holds it. */
    public static RunLock acquire(QuorumHome home, Plan plan) {
        Path file = QuorumHome.privateDirectory(home.cluster(plan.cluster())).resolve("run.lock").toAbsolutePath();
        String holder = plan.lifecycle() + ", started " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + " by process " + ProcessHandle.current().pid();
        String other = HELD_HERE.putIfAbsent(file, holder);
        if (other != null) {
            throw new RunLockedException(plan, other);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new RunLockedException(plan, Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new RunLock(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(file);
            closeQuietly(channel);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot lock " + file + " for the run: " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it too
        } finally {
            closeQuietly(channel);
            HELD_HERE.remove(file);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was written that closing could lose
            }
        }
    }
}
