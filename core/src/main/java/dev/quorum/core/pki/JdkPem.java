package dev.quorum.core.pki;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two PEM forms Quorum itself writes (certificates, unencrypted PKCS#8 keys), read with the JDK alone.
 * BouncyCastle's jars are signed: the first class loaded from each makes the JDK verify the jar's signature and digest
 * its manifest, and every class after that is digested too, none of it in the class-data archive. That was about a
 * fifth of {@code quorum status}'s start, spent before it could talk to etcd (decision 0051). Anything else (other
 * blocks, headers, text the JDK does not take) is left to {@link PemCodec}'s BouncyCastle parser: empty here.
 */
final class JdkPem {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n([A-Za-z0-9+/=\\r\\n]+)"
            + "-----END \\1-----");
    private static final Pattern ANY_BEGIN = Pattern.compile("-----BEGIN ");
    /** The key types etcd's and Kubespray's certificates use; the JDK's factory for another type refuses the key. */
    private static final List<String> KEY_TYPES = List.of("EC", "RSA", "Ed25519");

    private JdkPem() {
    }

    /** Every certificate, when the text holds only certificate blocks the JDK reads. */
    static Optional<List<X509Certificate>> certificates(String pem) {
        List<byte[]> blocks = blocks(pem, "CERTIFICATE");
        if (blocks.isEmpty()) {
            return Optional.empty();
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certificates = new ArrayList<>();
            for (byte[] der : blocks) {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
            return Optional.of(List.copyOf(certificates));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The key, when the text is one unencrypted PKCS#8 block of a type the JDK knows. */
    static Optional<PrivateKey> pkcs8Key(String pem) {
        List<byte[]> blocks = blocks(pem, "PRIVATE KEY");
        if (blocks.size() != 1) {
            return Optional.empty();
        }
        for (String type : KEY_TYPES) {
            try {
                return Optional.of(KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(blocks.get(0))));
            } catch (GeneralSecurityException | RuntimeException notThisType) {
                // the next type, or BouncyCastle
            }
        }
        return Optional.empty();
    }

    /** Each block's bytes when every block in the text is a {@code label} block without headers; else none. */
    private static List<byte[]> blocks(String pem, String label) {
        List<byte[]> blocks = new ArrayList<>();
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            if (!block.group(1).equals(label)) {
                return List.of();
            }
            try {
                blocks.add(Base64.getMimeDecoder().decode(block.group(2)));
            } catch (IllegalArgumentException e) {
                return List.of();
            }
        }
        return ANY_BEGIN.matcher(pem).results().count() == blocks.size() ? blocks : List.of();
    }
}
