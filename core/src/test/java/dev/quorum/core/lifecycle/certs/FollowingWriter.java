package dev.quorum.core.lifecycle.certs;

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
import java.util.function.Supplier;

/**
 * A client that keeps writing during a CA rotation and, like a well-run client, takes up the
 * workstation's current trust and client certificate when a write fails (once a second at most).
 * Remembers every acknowledged write and the longest pause between two of them.
 */
final class FollowingWriter implements AutoCloseable {
    private static final String PREFIX = "rotation-writer/";
    private static final int MAX_WRITES = 100_000;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final List<String> endpoints;
    private final Supplier<TlsFiles> tls;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong longestGapNanos = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final Thread thread;
    private volatile Client client;

    FollowingWriter(List<String> endpoints, Supplier<TlsFiles> tls) throws Exception {
        this.endpoints = endpoints;
        this.tls = tls;
        this.client = connect();
        thread = new Thread(this::writeLoop, "following-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private Client connect() throws Exception {
        TlsFiles files = tls.get();
        return Client.builder().endpoints(endpoints.stream().map(URI::create).toList())
                .sslContext(b -> b.trustManager(files.caCertificate().toFile())
                        .keyManager(files.certificate().toFile(), files.privateKey().toFile()))
                .connectTimeout(Duration.ofSeconds(2)).retryMaxDuration(Duration.ofSeconds(2)).build();
    }

    private void writeLoop() {
        long lastAck = System.nanoTime();
        long lastReconnect = 0;
        for (int i = 0; i < MAX_WRITES && running.get(); i++) {
            String key = PREFIX + String.format("%06d", i);
            try {
                client.getKVClient().put(bytes(key), bytes("v" + i)).get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(key);
                long now = System.nanoTime();
                longestGapNanos.accumulateAndGet(now - lastAck, Math::max);
                lastAck = now;
            } catch (Exception e) {
                if (System.nanoTime() - lastReconnect > 1_000_000_000L) {
                    lastReconnect = System.nanoTime();
                    try {
                        Client old = client;
                        client = connect();
                        old.close();
                        reconnects.incrementAndGet();
                    } catch (Exception ignored) {
                        // keep the old client; the next failure tries again
                    }
                }
            }
        }
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    long reconnects() {
        return reconnects.get();
    }

    Duration longestGap() {
        return Duration.ofNanos(longestGapNanos.get());
    }

    void awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    void stop() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }

    /** Acknowledged writes the cluster does not have (must be none); reads with the current files. */
    Set<String> missing() throws Exception {
        Set<String> present = ConcurrentHashMap.newKeySet();
        try (Client reader = connect()) {
            reader.getKVClient().get(bytes(PREFIX), GetOption.newBuilder().isPrefix(true).withKeysOnly(true).build())
                    .get(10, TimeUnit.SECONDS).getKvs()
                    .forEach(kv -> present.add(kv.getKey().toString(StandardCharsets.UTF_8)));
        }
        Set<String> missing = ConcurrentHashMap.newKeySet();
        acknowledged.stream().filter(k -> !present.contains(k)).forEach(missing::add);
        return missing;
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
