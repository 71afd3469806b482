package dev.quorum.core.pki;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;

/** Algorithm-neutral questions about keys, whichever tool wrote them. */
final class Keys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {
    }

    /** SHA-256 with the key's family; works for any RSA size or EC curve, e.g. a CA key from openssl. */
    static String signatureAlgorithm(Key key) {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new PkiException("unsupported key algorithm " + key.getAlgorithm());
        };
    }

    /**
     * Whether the private key belongs to the public key. A signature round trip answers this for
     * every key type without re-deriving public points or moduli.
     */
    static boolean match(PublicKey publicKey, PrivateKey privateKey) {
        if (!family(publicKey).equals(family(privateKey))) {
            return false;
        }
        try {
            byte[] challenge = new byte[32];
            RANDOM.nextBytes(challenge);
            Signature signer = Signature.getInstance(signatureAlgorithm(privateKey), BouncyCastle.provider());
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(signatureAlgorithm(publicKey), BouncyCastle.provider());
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | PkiException e) {
            // A key of another curve or a malformed key cannot sign for this public key.
            return false;
        }
    }

    private static String family(Key key) {
        return key.getAlgorithm().equals("ECDSA") ? "EC" : key.getAlgorithm();
    }
}
