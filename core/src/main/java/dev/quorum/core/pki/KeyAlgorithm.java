package dev.quorum.core.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Optional;

/** Key types Quorum issues. */
public enum KeyAlgorithm {
    /** Quorum's default: a key is generated in milliseconds and TLS handshakes are cheap. */
    EC_P256,
    /** Kubespray's choice, for clusters adopted from Kubespray that want to stay uniform. */
    RSA_2048;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A fresh key pair, from the JDK's own providers (SunEC, SunRsaSign), which know both key types: an install then
     * never registers BouncyCastle's provider, about 0.4 s of CPU in a fresh process (issue 18). Either way the key is
     * written as PKCS#8, which keeps an EC key's named curve ({@link PemCodec#write(java.security.PrivateKey)}).
     * BouncyCastle only where the JDK lacks them (a JDK configured without SunEC).
     */
    public KeyPair generate() {
        try {
            return generator(Optional.empty()).generateKeyPair();
        } catch (GeneralSecurityException jdkLacksIt) {
            try {
                return generator(Optional.of(BouncyCastle.provider())).generateKeyPair();
            } catch (GeneralSecurityException e) {
                e.addSuppressed(jdkLacksIt);
                throw new IllegalStateException("cannot generate a " + this + " key", e);
            }
        }
    }

    private KeyPairGenerator generator(Optional<String> provider) throws GeneralSecurityException {
        String algorithm = this == EC_P256 ? "EC" : "RSA";
        KeyPairGenerator generator = provider.isPresent() ? KeyPairGenerator.getInstance(algorithm, provider.get())
                : KeyPairGenerator.getInstance(algorithm);
        if (this == EC_P256) {
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        } else {
            generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), RANDOM);
        }
        return generator;
    }
}
