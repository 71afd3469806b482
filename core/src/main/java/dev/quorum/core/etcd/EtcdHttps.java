package dev.quorum.core.etcd;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * One HTTPS client for a member's plain HTTP endpoints (/version, /metrics), with the etcd client's TLS files: the
 * cluster CA verifies the member (the JDK's hostname check included), the client certificate identifies Quorum.
 * Set up on first use, so a TLS problem fails that read only, never the etcd client beside it.
 */
final class EtcdHttps {
    private final TlsFiles tls;
    private final Duration timeout;
    private HttpClient http;

    EtcdHttps(TlsFiles tls, Duration timeout) {
        this.tls = tls;
        this.timeout = timeout;
    }

    synchronized HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .sslContext(PemTls.context(tls))
                    .connectTimeout(timeout)
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
        }
        return http;
    }
}
