package dev.quorum.core.etcd;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * etcd's {@code GET https://MEMBER:2379/version} ({@code curl --cacert CA --cert C --key K URL/version}):
 * the one place etcd tells the cluster version, which its gRPC API (and so jetcd) does not carry.
 * Uses the same TLS files as the etcd client, and the JDK's hostname check against the member's certificate.
 */
public final class VersionEndpoint {
    private final EtcdHttps https;
    private final Duration timeout;

    public VersionEndpoint(TlsFiles tls, Duration timeout) {
        this.https = new EtcdHttps(tls, timeout);
        this.timeout = timeout;
    }

    private HttpClient http() {
        return https.client();
    }

    public CompletableFuture<ServedVersions> read(String clientUrl) {
        HttpRequest request;
        HttpClient client;
        try {
            request = HttpRequest.newBuilder(URI.create(stripSlash(clientUrl) + "/version")).timeout(timeout).GET().build();
            client = http();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(clientUrl + "/version answered HTTP " + response.statusCode());
            }
            return ServedVersions.parse(response.body());
        });
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
