package dev.quorum.core.labtest;

import dev.quorum.core.etcd.TlsFiles;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.GetOption;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client that writes one key after another while a test changes the cluster, remembering
 * every write etcd acknowledged and the longest time between two acknowledged writes.
 */
public final class ContinuousWriter implements AutoCloseable {
    private static final String PREFIX = "writer/";
    private static final int MAX_WRITES = 100_000;
    /**
     * How long one write may take before the writer gives up on it and sends the next: a write in
     * flight to a member that stops is lost to this window, whatever the tool does.
     */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final Client client;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong longestGapNanos = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Thread thread;

    public ContinuousWriter(List<String> endpoints, TlsFiles tls) throws Exception {
        client = Client.builder().endpoints(endpoints.stream().map(URI::create).toList())
                .sslContext(b -> b.trustManager(tls.caCertificate().toFile())
                        .keyManager(tls.certificate().toFile(), tls.privateKey().toFile()))
                .connectTimeout(Duration.ofSeconds(2)).retryMaxDuration(Duration.ofSeconds(2)).build();
        thread = new Thread(this::writeLoop, "continuous-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private void writeLoop() {
        long lastAck = System.nanoTime();
        for (int i = 0; i < MAX_WRITES && running.get(); i++) {
            String key = PREFIX + String.format("%06d", i);
            try {
                client.getKVClient().put(bytes(key), bytes("v" + i)).get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(key);
                long now = System.nanoTime();
                longestGapNanos.accumulateAndGet(now - lastAck, Math::max);
                lastAck = now;
            } catch (Exception e) {
                failures.incrementAndGet();
            }
        }
    }

    public int acknowledgedCount() {
        return acknowledged.size();
    }

    public long failures() {
        return failures.get();
    }

    public Duration longestGap() {
        return Duration.ofNanos(longestGapNanos.get());
    }

    /** Waits until at least {@code count} writes were acknowledged, bounded. */
    public void awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    public void stop() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }

    /** Acknowledged writes that the cluster does not have (must be none). */
    public Set<String> missing() throws Exception {
        Set<String> present = ConcurrentHashMap.newKeySet();
        client.getKVClient().get(bytes(PREFIX), GetOption.newBuilder().isPrefix(true).withKeysOnly(true).build())
                .get(10, TimeUnit.SECONDS).getKvs()
                .forEach(kv -> present.add(kv.getKey().toString(StandardCharsets.UTF_8)));
        Set<String> missing = ConcurrentHashMap.newKeySet();
        acknowledged.stream().filter(k -> !present.contains(k)).forEach(missing::add);
        return missing;
    }

    /**
     * Acknowledged writes that one member does not hold itself: a serializable read answered from
     * that member's own data, not forwarded to the leader.
     */
    public Set<String> missingAt(String endpoint, TlsFiles tls) throws Exception {
        try (Client one = Client.builder().endpoints(URI.create(endpoint))
                .sslContext(b -> b.trustManager(tls.caCertificate().toFile())
                        .keyManager(tls.certificate().toFile(), tls.privateKey().toFile()))
                .connectTimeout(Duration.ofSeconds(2)).build()) {
            Set<String> present = ConcurrentHashMap.newKeySet();
            one.getKVClient().get(bytes(PREFIX), GetOption.newBuilder().isPrefix(true).withKeysOnly(true)
                            .withSerializable(true).build())
                    .get(10, TimeUnit.SECONDS).getKvs()
                    .forEach(kv -> present.add(kv.getKey().toString(StandardCharsets.UTF_8)));
            Set<String> missing = ConcurrentHashMap.newKeySet();
            acknowledged.stream().filter(k -> !present.contains(k)).forEach(missing::add);
            return missing;
        }
    }

    private static ByteSequence bytes(String text) {
        return ByteSequence.from(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        client.close();
    }
}
