package dev.quorum.core.etcd;

import dev.quorum.core.pki.PemCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A JDK {@link SSLContext} from the PEM files jetcd is given: trust the cluster CA, present the client certificate. */
final class PemTls {
    private PemTls() {
    }

    /** The three files, parsed: the cluster CA(s), the client certificate chain and its key (the JDK's own). */
    record Parsed(List<X509Certificate> cas, List<X509Certificate> chain, PrivateKey key) {
        X509Certificate[] casArray() {
            return cas.toArray(X509Certificate[]::new);
        }

        X509Certificate[] chainArray() {
            return chain.toArray(X509Certificate[]::new);
        }

        /** The client certificate and its key for the JDK's TLS, as netty and the HTTP client take them. */
        KeyManagerFactory keyManagers() throws GeneralSecurityException, IOException {
            return ClientIdentity.keyManagers(key, chainArray());
        }
    }

    /**
     * Parsed here rather than by netty: netty's own PEM reading registers BouncyCastle's provider, which costs a short
     * command (quorum status) a quarter of its start.
     */
    static Parsed read(TlsFiles tls) {
        try {
            return new Parsed(PemCodec.parseCertificates(Files.readString(tls.caCertificate())),
                    PemCodec.parseCertificates(Files.readString(tls.certificate())),
                    jdkKey(PemCodec.parsePrivateKey(Files.readString(tls.privateKey()))));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("cannot set up TLS to etcd with " + tls + ": " + e.getMessage(), e);
        }
    }

    static SSLContext context(TlsFiles tls) {
        Parsed parsed = read(tls);
        List<X509Certificate> cas = parsed.cas();
        List<X509Certificate> chain = parsed.chain();
        PrivateKey key = parsed.key();
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                trust.setCertificateEntry("ca" + i, cas.get(i));
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            KeyManagerFactory keyManagers = parsed.keyManagers();
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS to etcd with " + tls + ": " + e.getMessage(), e);
        }
    }

    /** The parser's key (BouncyCastle's, for keys the JDK does not know) as the JDK's own, so the JDK's TLS signs with it without a provider search. */
    private static PrivateKey jdkKey(PrivateKey parsed) throws GeneralSecurityException {
        String algorithm = parsed.getAlgorithm().equals("ECDSA") ? "EC" : parsed.getAlgorithm();
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(parsed.getEncoded()));
    }
}
