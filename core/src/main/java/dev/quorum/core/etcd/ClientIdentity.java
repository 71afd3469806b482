package dev.quorum.core.etcd;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.crypto.spec.PBEParameterSpec;
import javax.net.ssl.KeyManagerFactory;

/**
 * Quorum's client certificate and key as the JDK's key managers take them: through a key store that lives only in
 * memory for this process. The JDK's PKCS#12 store protects a key entry with 10,000 rounds of PBKDF2 when it is put
 * in and again when the key manager takes it out; netty did the same for every etcd client. That was a fifth of
 * {@code quorum status}'s CPU (decision 0051). In memory, with an empty password, the rounds protect nothing: one
 * round each way.
 */
final class ClientIdentity {
    private static final String ALIAS = "client";
    private static final char[] NO_PASSWORD = new char[0];
    private static final byte[] SALT = new byte[16];
    private static final String IN_MEMORY_PROTECTION = "PBEWithHmacSHA256AndAES_128";

    private ClientIdentity() {
    }

    static KeyManagerFactory keyManagers(PrivateKey key, X509Certificate[] chain)
            throws GeneralSecurityException, IOException {
        KeyStore identity = KeyStore.getInstance("PKCS12");
        identity.load(null, null);
        identity.setEntry(ALIAS, new KeyStore.PrivateKeyEntry(key, chain), new KeyStore.PasswordProtection(NO_PASSWORD,
                IN_MEMORY_PROTECTION, new PBEParameterSpec(SALT, 1)));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(identity, NO_PASSWORD);
        return keyManagers;
    }
}
