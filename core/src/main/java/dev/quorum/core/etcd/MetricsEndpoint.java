package dev.quorum.core.etcd;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * etcd's {@code GET https://MEMBER:2379/metrics} (Prometheus text) with the same TLS files as the etcd client, as
 * {@link VersionEndpoint} reads /version: the cluster CA verifies the member (the JDK's hostname check included),
 * the client certificate identifies Quorum. One client for all reads; blocking, so call it off the UI thread.
 */
public final class MetricsEndpoint {
    /** etcd's answer is about 160 KB; more than this is not read (no unbounded buffer from the network). */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    private final EtcdHttps https;
    private final Duration timeout;

    public MetricsEndpoint(TlsFiles tls, Duration timeout) {
        this.https = new EtcdHttps(tls, timeout);
        this.timeout = timeout;
    }

    private HttpClient http() {
        return https.client();
    }

    /** @param dialUrl where to connect: the member's client URL, or its SSH tunnel's loopback URL */
    public String read(String dialUrl) throws IOException, InterruptedException {
        String base = dialUrl.endsWith("/") ? dialUrl.substring(0, dialUrl.length() - 1) : dialUrl;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/metrics")).timeout(timeout).GET().build();
        HttpResponse<InputStream> response = http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException(base + "/metrics answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException(base + "/metrics is larger than " + MAX_BYTES + " bytes: not read");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
