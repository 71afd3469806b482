package dev.quorum.core.pki;

import java.security.cert.X509Certificate;

/** Whether a private key (PEM, any form) belongs to a certificate, whatever tool wrote either. */
public final class KeyMatch {
    private KeyMatch() {
    }

    /** False for a key that cannot be read, as for one of another pair. */
    public static boolean belongsTo(String privateKeyPem, X509Certificate certificate) {
        try {
            return Keys.match(certificate.getPublicKey(), PemCodec.parsePrivateKey(privateKeyPem));
        } catch (PkiException e) {
            return false;
        }
    }
}
