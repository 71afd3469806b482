package dev.quorum.core.labtest;

import dev.quorum.core.etcd.TlsFiles;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.options.GetOption;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A client that writes one key after another while a test changes the cluster, remembering
 * every write etcd acknowledged and the longest time between two acknowledged writes.
 */
public final class ContinuousWriter implements AutoCloseable {
    private static final String PREFIX = "writer/";
    private static final int MAX_WRITES = 100_000;
    private static final long RECONNECT_EVERY_NANOS = 1_000_000_000L;
    /**
     * How long one write may take before the writer gives up on it and sends the next: a write in
     * flight to a member that stops is lost to this window, whatever the tool does.
     */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final List<String> endpoints;
    private final Supplier<TlsFiles> tls;
    private final boolean followsTrust;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong longestGapNanos = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final Thread thread;
    private volatile Client client;

    public ContinuousWriter(List<String> endpoints, TlsFiles tls) throws Exception {
        this(endpoints, () -> tls, false);
    }

    private ContinuousWriter(List<String> endpoints, Supplier<TlsFiles> tls, boolean followsTrust) throws Exception {
        this.endpoints = endpoints;
        this.tls = tls;
        this.followsTrust = followsTrust;
        this.client = connect(endpoints);
        thread = new Thread(this::writeLoop, "continuous-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A writer that, like a well-run client during a CA rotation, takes up the current trust and
     * client certificate ({@code tls} is asked again) when a write fails, once a second at most.
     */
    public static ContinuousWriter followingTrust(List<String> endpoints, Supplier<TlsFiles> tls) throws Exception {
        return new ContinuousWriter(endpoints, tls, true);
    }

    private Client connect(List<String> to) throws Exception {
        TlsFiles files = tls.get();
        return Client.builder().endpoints(to.stream().map(URI::create).toList())
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
                failures.incrementAndGet();
                if (followsTrust && System.nanoTime() - lastReconnect > RECONNECT_EVERY_NANOS) {
                    lastReconnect = System.nanoTime();
                    reconnect();
                }
            }
        }
    }

    private void reconnect() {
        try {
            Client old = client;
            client = connect(endpoints);
            old.close();
            reconnects.incrementAndGet();
        } catch (Exception e) {
            // keep the old client; the next failure tries again
        }
    }

    public int acknowledgedCount() {
        return acknowledged.size();
    }

    public long failures() {
        return failures.get();
    }

    /** How often a {@link #followingTrust} writer took up new certificates. */
    public long reconnects() {
        return reconnects.get();
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

    /** Acknowledged writes that the cluster does not have (must be none); reads with the current certificates. */
    public Set<String> missing() throws Exception {
        return missingIn(endpoints, false);
    }

    /**
     * Like {@link #missing()}, read through {@code members} only: a member that was removed may
     * still start now and then (Restart=always) and would answer no read.
     */
    public Set<String> missing(List<String> members) throws Exception {
        return missingIn(members, false);
    }

    /**
     * Acknowledged writes that one member does not hold itself: a serializable read answered from
     * that member's own data, not forwarded to the leader. A member applies what the others have
     * already acknowledged a moment later, so the read is taken once the member has applied the
     * cluster's revision as of now (bounded: after 30 s, what it holds then).
     */
    public Set<String> missingAt(String endpoint) throws Exception {
        Set<String> acknowledgedBefore = Set.copyOf(acknowledged);
        long committed;
        try (Client cluster = connect(endpoints)) {
            committed = cluster.getKVClient().get(bytes(PREFIX), GetOption.newBuilder().isPrefix(true).withCountOnly(true)
                    .build()).get(10, TimeUnit.SECONDS).getHeader().getRevision();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Client member = connect(List.of(endpoint))) {
            GetResponse held = keys(member, true);
            while (held.getHeader().getRevision() < committed && System.nanoTime() < deadline) {
                Thread.sleep(200);
                held = keys(member, true);
            }
            return missingFrom(acknowledgedBefore, held);
        }
    }

    private Set<String> missingIn(List<String> from, boolean serializable) throws Exception {
        // Only writes acknowledged before the read starts must be in it: while the writer runs, one
        // acknowledged during the read may come after the read's revision.
        Set<String> acknowledgedBefore = Set.copyOf(acknowledged);
        try (Client reader = connect(from)) {
            return missingFrom(acknowledgedBefore, keys(reader, serializable));
        }
    }

    private static GetResponse keys(Client reader, boolean serializable) throws Exception {
        return reader.getKVClient().get(bytes(PREFIX), GetOption.newBuilder().isPrefix(true).withKeysOnly(true)
                .withSerializable(serializable).build()).get(10, TimeUnit.SECONDS);
    }

    private static Set<String> missingFrom(Set<String> acknowledgedBefore, GetResponse read) {
        Set<String> present = new HashSet<>();
        read.getKvs().forEach(kv -> present.add(kv.getKey().toString(StandardCharsets.UTF_8)));
        Set<String> missing = new HashSet<>(acknowledgedBefore);
        missing.removeAll(present);
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
