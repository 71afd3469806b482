package dev.quorum.core.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The cluster's certificate authority: {@code ca.pem} and {@code ca-key.pem}, the names Kubespray
 * uses, so a CA adopted from a Kubespray cluster loads unchanged (RSA or EC, any PEM key form).
 */
public final class CertificateAuthority {
    public static final String CERTIFICATE_FILE = "ca.pem";
    public static final String KEY_FILE = "ca-key.pem";
    /** Kubespray's CA lifetime: etcd's CA is never rotated in practice, so it must not expire. */
    public static final Duration VALIDITY = Duration.ofDays(36500);
    /**
     * How far back leaves are dated: a host whose clock lags the workstation's by a few minutes
     * would otherwise reject a just-issued certificate as not yet valid.
     */
    static final Duration BACKDATE = Duration.ofMinutes(5);

    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private CertificateAuthority(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /** Loads the CA kept in {@code dir}, or creates one there (dir 0700, key 0600) if there is none. */
    // Synchronized so two tasks in one Quorum process cannot both create a CA in the same folder.
    public static synchronized CertificateAuthority loadOrCreate(Path dir, String commonName, KeyAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("CA common name is blank");
        }
        boolean hasCertificate = Files.exists(dir.resolve(CERTIFICATE_FILE));
        boolean hasKey = Files.exists(dir.resolve(KEY_FILE));
        if (hasCertificate || hasKey) {
            // A half-present CA is refused by load() with a message naming the missing file.
            return load(dir);
        }
        return create(dir, commonName, algorithm);
    }

    /** Loads {@code ca.pem} and {@code ca-key.pem} from {@code dir}; fails with a message naming the file. */
    public static CertificateAuthority load(Path dir) {
        String certificatePem = read(dir.resolve(CERTIFICATE_FILE), "CA certificate");
        String keyPem = read(dir.resolve(KEY_FILE), "CA private key");
        try {
            return fromPem(certificatePem, keyPem);
        } catch (PkiException e) {
            throw new PkiException("the CA in " + dir + " is unusable: " + e.getMessage(), e);
        }
    }

    /** A CA from PEM text, e.g. Kubespray's files fetched from the first etcd host. */
    public static CertificateAuthority fromPem(String certificatePem, String privateKeyPem) {
        X509Certificate certificate = PemCodec.parseCertificate(certificatePem);
        PrivateKey key = PemCodec.parsePrivateKey(privateKeyPem);
        if (certificate.getBasicConstraints() < 0) {
            throw new PkiException("the CA certificate " + subject(certificate) + " is not a CA (basicConstraints CA:false)");
        }
        if (!Keys.match(certificate.getPublicKey(), key)) {
            throw new PkiException("the CA private key does not match the CA certificate " + subject(certificate));
        }
        return new CertificateAuthority(certificate, key);
    }

    private static CertificateAuthority create(Path dir, String commonName, KeyAlgorithm algorithm) {
        KeyPair keys = algorithm.generate();
        Instant now = Instant.now();
        X509Certificate certificate = CertificateBuilder.selfSignedCa(keys, commonName, now.minus(BACKDATE), now.plus(VALIDITY));
        try {
            PrivateFiles.createDirectory(dir);
            // Key first: a crash in between leaves a key without a certificate, which load() reports.
            PrivateFiles.write(dir.resolve(KEY_FILE), PemCodec.write(keys.getPrivate()), PrivateFiles.OWNER_FILE);
            PrivateFiles.write(dir.resolve(CERTIFICATE_FILE), PemCodec.write(certificate), PrivateFiles.PUBLIC_FILE);
        } catch (IOException e) {
            throw new PkiException("cannot write the CA to " + dir + ": " + e.getMessage(), e);
        }
        return new CertificateAuthority(certificate, keys.getPrivate());
    }

    /**
     * Saves this CA (an imported one) into an empty folder: key 0600 first, then the certificate.
     * Refuses to overwrite a CA already there.
     */
    public void saveTo(Path dir) {
        if (Files.exists(dir.resolve(CERTIFICATE_FILE)) || Files.exists(dir.resolve(KEY_FILE))) {
            throw new PkiException("a CA is already stored in " + dir + "; not overwriting it");
        }
        try {
            PrivateFiles.createDirectory(dir);
            PrivateFiles.write(dir.resolve(KEY_FILE), PemCodec.write(privateKey), PrivateFiles.OWNER_FILE);
            PrivateFiles.write(dir.resolve(CERTIFICATE_FILE), PemCodec.write(certificate), PrivateFiles.PUBLIC_FILE);
        } catch (IOException e) {
            throw new PkiException("cannot write the CA to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code privateKeyPem} is this CA's key, whatever PEM form it is written in. */
    public boolean hasKey(String privateKeyPem) {
        return KeyMatch.belongsTo(privateKeyPem, certificate);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public String certificatePem() {
        return PemCodec.write(certificate);
    }

    /**
     * The CA key as PKCS#8 PEM. Only for users who opt into Kubespray's habit of keeping
     * {@code ca-key.pem} on the first etcd host; Quorum itself signs on the workstation.
     */
    public String privateKeyPem() {
        return PemCodec.write(privateKey);
    }

    /**
     * A new key pair and a certificate for it, valid from now (a little backdated) for the
     * requested time, but never past the CA's own expiry: TLS would reject it after that anyway.
     */
    public IssuedCertificate issue(CertificateRequest request) {
        Instant now = Instant.now();
        Instant requestedEnd = now.plus(request.validity());
        Instant caEnd = certificate.getNotAfter().toInstant();
        return issue(request, now.minus(BACKDATE), requestedEnd.isAfter(caEnd) ? caEnd : requestedEnd);
    }

    // Tests use this to make certificates that are already expired or about to.
    IssuedCertificate issue(CertificateRequest request, Instant notBefore, Instant notAfter) {
        KeyPair keys = request.keyAlgorithm().generate();
        X509Certificate leaf = CertificateBuilder.leaf(certificate, privateKey, request, keys.getPublic(), notBefore, notAfter);
        return new IssuedCertificate(leaf, keys.getPrivate());
    }

    /** Whether this CA issued {@code candidate}: issuer name matches and the signature verifies with our key. */
    public boolean signed(X509Certificate candidate) {
        return signedBy(candidate, certificate);
    }

    static boolean signedBy(X509Certificate candidate, X509Certificate ca) {
        if (!candidate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            return false;
        }
        try {
            candidate.verify(ca.getPublicKey()); // the JDK's providers first: see Keys.signsFor
            return true;
        } catch (java.security.SignatureException notSignedByIt) {
            return false;
        } catch (GeneralSecurityException | RuntimeException notInTheJdk) {
            try {
                candidate.verify(ca.getPublicKey(), BouncyCastle.provider());
                return true;
            } catch (GeneralSecurityException | RuntimeException e) {
                return false;
            }
        }
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + subject(certificate) + "]";
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new PkiException(what + " not found: " + file);
        } catch (IOException e) {
            throw new PkiException("cannot read the " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
