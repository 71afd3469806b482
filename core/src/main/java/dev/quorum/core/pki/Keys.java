package dev.quorum.core.pki;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Optional;

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
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        try {
            return signsFor(challenge, publicKey, privateKey, Optional.empty());
        } catch (GeneralSecurityException | PkiException notInTheJdk) {
            try {
                return signsFor(challenge, publicKey, privateKey, Optional.of(BouncyCastle.provider()));
            } catch (GeneralSecurityException | PkiException e) {
                // A key of another curve or a malformed key cannot sign for this public key.
                return false;
            }
        }
    }

    /**
     * The JDK's own providers first (RSA and the usual curves): a short command then never registers BouncyCastle's
     * provider, a quarter of its start; BouncyCastle for the keys the JDK does not know.
     */
    private static boolean signsFor(byte[] challenge, PublicKey publicKey, PrivateKey privateKey,
                                    Optional<String> provider) throws GeneralSecurityException {
        Signature signer = signature(signatureAlgorithm(privateKey), provider);
        signer.initSign(privateKey);
        signer.update(challenge);
        byte[] signature = signer.sign();
        Signature verifier = signature(signatureAlgorithm(publicKey), provider);
        verifier.initVerify(publicKey);
        verifier.update(challenge);
        return verifier.verify(signature);
    }

    private static Signature signature(String algorithm, Optional<String> provider) throws GeneralSecurityException {
        return provider.isPresent() ? Signature.getInstance(algorithm, provider.get()) : Signature.getInstance(algorithm);
    }

    private static String family(Key key) {
        return key.getAlgorithm().equals("ECDSA") ? "EC" : key.getAlgorithm();
    }
}
