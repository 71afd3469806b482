package dev.quorum.core.certinventory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate a TLS server presents right now ({@code openssl s_client -connect HOST:PORT}):
 * what etcd really serves after its files changed. Only looks, never trusts: the handshake is
 * abandoned as soon as the server's certificate has arrived, so no client certificate is needed.
 */
public final class ServedCertificate {
    private ServedCertificate() {
    }

    public static Optional<X509Certificate> fetch(String host, int port, Duration timeout) {
        AtomicReference<X509Certificate> seen = new AtomicReference<>();
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new Capturing(seen)}, new SecureRandom());
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                socket.setSoTimeout((int) timeout.toMillis());
                socket.startHandshake();
            }
        } catch (IOException | java.security.GeneralSecurityException e) {
            // Expected: the handshake is cut short on purpose, or the server demands a client certificate.
        }
        return Optional.ofNullable(seen.get());
    }

    /** Records the server's leaf, then refuses it so the handshake stops there. */
    private record Capturing(AtomicReference<X509Certificate> seen) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain.length > 0) {
                seen.set(chain[0]);
            }
            throw new CertificateException("only looking at the served certificate");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
