package dev.quorum.core.labtest;

import dev.quorum.core.etcd.TlsFiles;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A plain etcd client for lab tests that write data: put, get (now or at a revision), delete a prefix. */
public final class LabKv implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 10;
    private final Client client;

    public LabKv(List<String> endpoints, TlsFiles tls) {
        try {
            client = Client.builder().endpoints(endpoints.stream().map(URI::create).toList())
                    .sslContext(b -> b.trustManager(tls.caCertificate().toFile())
                            .keyManager(tls.certificate().toFile(), tls.privateKey().toFile()))
                    .connectTimeout(Duration.ofSeconds(3)).retryMaxDuration(Duration.ofSeconds(3)).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes and returns the revision of the write. */
    public long put(String key, String value) throws Exception {
        return client.getKVClient().put(bytes(key), bytes(value)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .getHeader().getRevision();
    }

    public Optional<String> get(String key) throws Exception {
        return client.getKVClient().get(bytes(key)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getKvs().stream()
                .findFirst().map(kv -> kv.getValue().toString(StandardCharsets.UTF_8));
    }

    /** Fails with etcd's "required revision has been compacted" once the history is gone. */
    public Optional<String> getAt(String key, long revision) throws Exception {
        return client.getKVClient().get(bytes(key), GetOption.newBuilder().withRevision(revision).build())
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getKvs().stream()
                .findFirst().map(kv -> kv.getValue().toString(StandardCharsets.UTF_8));
    }

    public long deletePrefix(String prefix) throws Exception {
        return client.getKVClient().delete(bytes(prefix), DeleteOption.newBuilder().isPrefix(true).build())
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getDeleted();
    }

    private static ByteSequence bytes(String text) {
        return ByteSequence.from(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        client.close();
    }
}
