package dev.quorum.core.labtest;

import dev.quorum.core.etcd.TlsFiles;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.options.GetOption;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Writes and reads keys of a lab cluster for tests, over TLS with the workstation's client certificate. */
public final class KeyValues implements AutoCloseable {
    private static final int IN_FLIGHT = 32;
    private final Client client;

    public KeyValues(List<String> endpoints, TlsFiles tls) throws Exception {
        client = Client.builder().endpoints(endpoints.stream().map(URI::create).toList())
                .sslContext(b -> b.trustManager(tls.caCertificate().toFile())
                        .keyManager(tls.certificate().toFile(), tls.privateKey().toFile()))
                .connectTimeout(Duration.ofSeconds(3)).retryMaxDuration(Duration.ofSeconds(5)).build();
    }

    /** Puts {@code prefix000000 ..} with values of {@code valueBytes} (the key's name repeated), a few in flight. */
    public void put(String prefix, int count, int valueBytes) throws Exception {
        List<CompletableFuture<?>> flight = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = key(prefix, i);
            flight.add(client.getKVClient().put(bytes(key), ByteSequence.from(value(key, valueBytes))));
            if (flight.size() == IN_FLIGHT) {
                for (CompletableFuture<?> f : flight) {
                    f.get(30, TimeUnit.SECONDS);
                }
                flight.clear();
            }
        }
        for (CompletableFuture<?> f : flight) {
            f.get(30, TimeUnit.SECONDS);
        }
    }

    public static String key(String prefix, int i) {
        return prefix + String.format("%06d", i);
    }

    public static byte[] value(String key, int valueBytes) {
        byte[] value = new byte[Math.max(valueBytes, 1)];
        byte[] name = key.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < value.length; i++) {
            value[i] = name[i % name.length];
        }
        return value;
    }

    /** Every key under {@code prefix} with its value, in key order. */
    public Map<String, byte[]> read(String prefix) throws Exception {
        var response = client.getKVClient().get(bytes(prefix), GetOption.newBuilder().isPrefix(true).build())
                .get(30, TimeUnit.SECONDS);
        Map<String, byte[]> found = new LinkedHashMap<>();
        for (KeyValue kv : response.getKvs()) {
            found.put(kv.getKey().toString(StandardCharsets.UTF_8), kv.getValue().getBytes());
        }
        return found;
    }

    /**
     * How many keys under {@code prefix} the member this client reaches holds itself (a serializable read, answered
     * from its own data): with one endpoint, what that member has applied.
     */
    public long countHeld(String prefix) throws Exception {
        return client.getKVClient().get(bytes(prefix), GetOption.newBuilder().isPrefix(true).withCountOnly(true)
                .withSerializable(true).build()).get(30, TimeUnit.SECONDS).getCount();
    }

    private static ByteSequence bytes(String text) {
        return ByteSequence.from(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        client.close();
    }
}
