package dev.quorum.core.cluster;

import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.KeyAlgorithm;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.pki.PkiException;
import dev.quorum.core.workspace.QuorumHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A CA rotation's state in the workstation's store, so an interrupted rotation resumes:
 * {@code rotation/old-ca.pem} (the CA being replaced), {@code rotation/next/} (the new CA until it
 * takes over), {@code rotation/switching} (only while the switch itself runs, see {@link CaSwitch}),
 * {@code trust-bundle.pem} (old and new, what Quorum's clients trust meanwhile), and
 * {@code retired/TIME/} (the old CA once replaced; never deleted).
 *
 * <p>Every change is a whole-file write or a rename, and {@link #recover} recognises each state a
 * crash can leave from the files alone; {@link ClusterPki#open} runs it before loading the CA.
 */
public final class CaRotationStore {
    public static final String TRUST_BUNDLE = "trust-bundle.pem";

    private final Path dir;
    private final CaSwitch.Crash crash;

    public CaRotationStore(Path pkiDirectory) {
        this(pkiDirectory, CaSwitch.Crash.NEVER);
    }

    CaRotationStore(Path pkiDirectory, CaSwitch.Crash crash) {
        this.dir = pkiDirectory;
        this.crash = crash;
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

    /** Where a new CA is made; renamed to next/ only once both its files are written. */
    private Path nextPartial() {
        return rotation().resolve("next.partial");
    }

    private Path marker() {
        return rotation().resolve("switching");
    }

    private CaSwitch caSwitch() {
        return new CaSwitch(dir, next(), marker(), crash);
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
        if (complete(next())) {
            return Optional.of(CertificateAuthority.load(next()));
        }
        if (switched()) {
            return Optional.of(CertificateAuthority.load(dir));
        }
        return Optional.empty();
    }

    /** Whether the store's CA is already the new one, the switch finished. */
    public boolean switched() {
        return started() && !Files.exists(marker()) && !hasCaFile(next())
                && !oldCa().orElseThrow().equals(CertificateAuthority.load(dir).certificate());
    }

    /** Makes the new CA (same key type) and the trust bundle; re-running returns the same new CA. */
    public CertificateAuthority start(CertificateAuthority current, String newCommonName) {
        recover();
        Optional<CertificateAuthority> existing = newCa();
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            QuorumHome.privateDirectory(rotation());
            StoreFiles.write(oldCaFile(), current.certificatePem());
            KeyAlgorithm algorithm = current.certificate().getPublicKey().getAlgorithm().equals("RSA")
                    ? KeyAlgorithm.RSA_2048 : KeyAlgorithm.EC_P256;
            CertificateAuthority next = CertificateAuthority.loadOrCreate(nextPartial(), newCommonName, algorithm);
            StoreFiles.move(nextPartial(), next());
            StoreFiles.write(dir.resolve(TRUST_BUNDLE), next.certificatePem() + current.certificatePem());
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the CA rotation in " + dir, e);
        }
    }

    /**
     * The new CA becomes the store's CA; the old one is kept in retired/TIME/, Quorum's client
     * certificate is dropped (the next use issues one from the new CA). Resumes an interrupted switch.
     */
    public void switchToNew() {
        recover();
        if (!complete(next())) {
            return;
        }
        try {
            caSwitch().run(oldCa().orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot switch to the new CA in " + dir, e);
        }
    }

    /** Ends the rotation: Quorum trusts the new CA alone. Refused while the new CA is not in place yet. */
    public void finish() {
        recover();
        if (hasCaFile(next()) || Files.exists(marker())) {
            throw new PkiException("the new CA in " + next() + " is not this workstation's CA yet; "
                    + "switch to it before ending the rotation");
        }
        try {
            // The rotation folder first: a bundle left alone by a crash is recognised and removed by recover().
            deleteTree(rotation());
            Files.deleteIfExists(dir.resolve(TRUST_BUNDLE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the CA rotation in " + dir, e);
        }
    }

    /**
     * Brings a store an interrupted command left behind back to a state the rotation steps know,
     * never deleting a CA key; returns what was found and done, one sentence each, for the run log.
     */
    public List<String> recover() {
        List<String> notes = new ArrayList<>();
        try {
            if (!Files.isDirectory(rotation())) {
                if (Files.exists(dir.resolve(TRUST_BUNDLE))) {
                    Files.delete(dir.resolve(TRUST_BUNDLE));
                    notes.add("found " + TRUST_BUNDLE + " without a CA rotation (its end was interrupted); removed it: "
                            + "Quorum trusts " + dir.resolve(CertificateAuthority.CERTIFICATE_FILE) + " alone");
                }
                return notes;
            }
            StartRecovery start = new StartRecovery(dir, rotation(), next(), nextPartial(), oldCaFile(), marker());
            start.interruptedEnd(dir.resolve(TRUST_BUNDLE)).ifPresent(notes::add);
            start.oldCaFile().ifPresent(notes::add);
            caSwitch().recover(started() ? oldCa() : Optional.empty()).ifPresent(notes::add);
            start.unfinishedNewCa().ifPresent(notes::add);
            if (started() && complete(next())) {
                start.trustBundle(dir.resolve(TRUST_BUNDLE), oldCa().orElseThrow()).ifPresent(notes::add);
            }
            return notes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover the interrupted CA rotation in " + dir, e);
        }
    }

    static boolean complete(Path folder) {
        return Files.isRegularFile(folder.resolve(CertificateAuthority.CERTIFICATE_FILE))
                && Files.isRegularFile(folder.resolve(CertificateAuthority.KEY_FILE));
    }

    static boolean hasCaFile(Path folder) {
        return Files.exists(folder.resolve(CertificateAuthority.CERTIFICATE_FILE))
                || Files.exists(folder.resolve(CertificateAuthority.KEY_FILE));
    }

    static void deleteTree(Path root) throws IOException {
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
