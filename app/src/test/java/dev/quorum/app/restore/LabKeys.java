package dev.quorum.app.restore;

import dev.quorum.core.etcd.TlsFiles;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.GetOption;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Writes and counts keys on a lab cluster over TLS with jetcd, as an application would. */
final class LabKeys implements AutoCloseable {
    private final Client client;

    LabKeys(List<String> endpoints, TlsFiles tls) throws javax.net.ssl.SSLException {
        client = Client.builder().endpoints(endpoints.stream().map(URI::create).toList())
                .sslContext(b -> b.trustManager(tls.caCertificate().toFile())
                        .keyManager(tls.certificate().toFile(), tls.privateKey().toFile()))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static String key(String prefix, int i) {
        return prefix + String.format("%04d", i);
    }

    void put(String prefix, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            client.getKVClient().put(bytes(key(prefix, i)), bytes("value-" + i)).get(10, TimeUnit.SECONDS);
        }
    }

    long count(String prefix) throws Exception {
        return client.getKVClient().get(bytes(prefix), GetOption.newBuilder().isPrefix(true).withCountOnly(true).build())
                .get(10, TimeUnit.SECONDS).getCount();
    }

    /** The count the member this client reaches holds itself (serializable): with one endpoint, what it applied. */
    long countHeld(String prefix) throws Exception {
        return client.getKVClient().get(bytes(prefix), GetOption.newBuilder().isPrefix(true).withCountOnly(true)
                .withSerializable(true).build()).get(10, TimeUnit.SECONDS).getCount();
    }

    String get(String key) throws Exception {
        var kvs = client.getKVClient().get(bytes(key)).get(10, TimeUnit.SECONDS).getKvs();
        return kvs.isEmpty() ? null : kvs.get(0).getValue().toString(StandardCharsets.UTF_8);
    }

    private static ByteSequence bytes(String text) {
        return ByteSequence.from(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        client.close();
    }
}
