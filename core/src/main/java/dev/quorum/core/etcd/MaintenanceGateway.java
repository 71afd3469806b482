package dev.quorum.core.etcd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * etcd's JSON gateway to its maintenance API ({@code curl -X POST URL/v3/maintenance/status -d '{}'}): a member's own
 * status with the fields jetcd 0.8.7's proto predates (storage version, downgrade state), and etcd's downgrade calls.
 * The member answers itself, whatever etcdctl its host has: once a host got an older binary, its etcdctl no longer
 * prints those fields for the newer member still running there (measured: etcdctl 3.5.33 against etcd 3.6.14).
 */
final class MaintenanceGateway {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EtcdHttps https;
    private final Duration timeout;

    MaintenanceGateway(TlsFiles tls, Duration timeout) {
        this.https = new EtcdHttps(tls, timeout);
        this.timeout = timeout;
    }

    /** The member's StatusResponse as etcd's gateway writes it (JSON). */
    CompletableFuture<String> status(String clientUrl) {
        return post(clientUrl, "/v3/maintenance/status", Map.of());
    }

    /** {@code etcdctl downgrade ACTION VERSION}; etcd's answer (JSON). */
    CompletableFuture<String> downgrade(String clientUrl, DowngradeAction action, String version) {
        return post(clientUrl, "/v3/maintenance/downgrade", Map.of("action", action.name(), "version", version));
    }

    private CompletableFuture<String> post(String clientUrl, String path, Map<String, String> body) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(stripSlash(clientUrl) + path)).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            return https.client().sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(clientUrl + path + " answered HTTP " + response.statusCode()
                            + ": " + reason(response.body()));
                }
                return response.body();
            });
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** etcd's own words from an error answer ({"error": ..., "message": ...}), else the body as it came. */
    private static String reason(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            String message = error.path("message").asText(error.path("error").asText(""));
            return message.isEmpty() ? body.strip() : message;
        } catch (Exception e) {
            return body.strip();
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
