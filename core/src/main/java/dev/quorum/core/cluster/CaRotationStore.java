package dev.quorum.core.cluster;

import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.KeyAlgorithm;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.workspace.QuorumHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A CA rotation's state in the workstation's store, so an interrupted rotation resumes:
 * {@code rotation/old-ca.pem} (the CA being replaced), {@code rotation/next/} (the new CA until it
 * takes over), {@code trust-bundle.pem} (old and new, what Quorum's clients trust meanwhile), and
 * {@code retired/TIME/} (the old CA once replaced; never deleted).
 */
public final class CaRotationStore {
    public static final String TRUST_BUNDLE = "trust-bundle.pem";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;

    public CaRotationStore(Path pkiDirectory) {
        this.dir = pkiDirectory;
    }

    private Path rotation() {
        return dir.resolve("rotation");
    }

    private Path oldCaFile() {
        return rotation().resolve("old-ca.pem");
    }

    private Path next() {
        return rotation().resolve("next");
    }

    public boolean started() {
        return Files.isRegularFile(oldCaFile());
    }

    /** The CA being replaced, once a rotation started. */
    public Optional<X509Certificate> oldCa() {
        return started() ? Optional.of(PemCodec.parseCertificate(read(oldCaFile()))) : Optional.empty();
    }

    /** The new CA: still waiting in rotation/next, or already the store's CA. Empty before the rotation. */
    public Optional<CertificateAuthority> newCa() {
        if (Files.isRegularFile(next().resolve(CertificateAuthority.CERTIFICATE_FILE))) {
            return Optional.of(CertificateAuthority.load(next()));
        }
        if (started() && switched()) {
            return Optional.of(CertificateAuthority.load(dir));
        }
        return Optional.empty();
    }

    /** Whether the store's CA is already the new one. */
    public boolean switched() {
        return started() && !Files.isDirectory(next())
                && !oldCa().orElseThrow().equals(CertificateAuthority.load(dir).certificate());
    }

    /** Makes the new CA (same key type) and the trust bundle; re-running returns the same new CA. */
    public CertificateAuthority start(CertificateAuthority current, String newCommonName) {
        Optional<CertificateAuthority> existing = newCa();
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            QuorumHome.privateDirectory(rotation());
            Files.writeString(oldCaFile(), current.certificatePem());
            KeyAlgorithm algorithm = current.certificate().getPublicKey().getAlgorithm().equals("RSA")
                    ? KeyAlgorithm.RSA_2048 : KeyAlgorithm.EC_P256;
            CertificateAuthority next = CertificateAuthority.loadOrCreate(next(), newCommonName, algorithm);
            Files.writeString(dir.resolve(TRUST_BUNDLE), next.certificatePem() + current.certificatePem());
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the CA rotation in " + dir, e);
        }
    }

    /**
     * The new CA becomes the store's CA; the old one moves to retired/TIME/, Quorum's client
     * certificate is dropped (the next use issues one from the new CA).
     */
    public void switchToNew() {
        if (!Files.isDirectory(next())) {
            return;
        }
        try {
            Path retired = QuorumHome.privateDirectory(dir.resolve("retired")
                    .resolve(STAMP.format(ZonedDateTime.now(ZoneOffset.UTC))));
            for (String name : new String[] {CertificateAuthority.KEY_FILE, CertificateAuthority.CERTIFICATE_FILE}) {
                Files.copy(dir.resolve(name), retired.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
            }
            for (String name : new String[] {CertificateAuthority.KEY_FILE, CertificateAuthority.CERTIFICATE_FILE}) {
                Files.move(next().resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            Files.deleteIfExists(dir.resolve(ClusterPki.CLIENT_CERT));
            Files.deleteIfExists(dir.resolve(ClusterPki.CLIENT_KEY));
            deleteTree(next());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot switch to the new CA in " + dir, e);
        }
    }

    /** Ends the rotation: Quorum trusts the new CA alone. */
    public void finish() {
        try {
            Files.deleteIfExists(dir.resolve(TRUST_BUNDLE));
            deleteTree(rotation());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the CA rotation in " + dir, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
