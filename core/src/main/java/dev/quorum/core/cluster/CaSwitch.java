package dev.quorum.core.cluster;

import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.CertificateDetails;
import dev.quorum.core.pki.PkiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The moment a CA rotation makes the new CA (waiting in {@code rotation/next/}) the workstation's
 * CA. Two files ({@code ca-key.pem}, {@code ca.pem}) cannot be replaced by one rename, so the
 * commit point is one atomic write of an intent marker, {@code rotation/switching}:
 * <ol>
 *   <li>the old CA is copied to {@code retired/TIME/} (each file written whole, then read back);</li>
 *   <li>the marker is written: from here on the switch only ever goes forward;</li>
 *   <li>{@code next/ca-key.pem}, then {@code next/ca.pem}, are renamed over the store's files;</li>
 *   <li>Quorum's client certificate is dropped (re-issued from the new CA on next use),
 *       {@code next/} removed, and the marker removed last.</li>
 * </ol>
 * A crash before the marker leaves the old CA current and untouched: the switch starts again
 * (reusing a complete retired copy). A crash after it leaves the marker, and {@link #recover}
 * (run whenever the store is opened) renames whatever is still in {@code next/} and cleans up.
 * The old key is in {@code retired/} before the store's key is replaced; the new key is in
 * {@code next/} or in the store at every instant.
 */
final class CaSwitch {
    /** Where a test stops the switch, as a kill -9 would. */
    enum Point { OLD_CA_RETIRED, MARKER_WRITTEN, KEY_MOVED, CERTIFICATE_MOVED, CLIENT_DROPPED, NEXT_REMOVED }

    /** A seam for tests: called after each point; a real run does nothing there. */
    interface Crash {
        Crash NEVER = point -> { };

        void after(Point point) throws IOException;
    }

    private static final String[] CA_FILES = {CertificateAuthority.KEY_FILE, CertificateAuthority.CERTIFICATE_FILE};

    private final Path dir;
    private final Path next;
    private final Path marker;
    private final Crash crash;

    CaSwitch(Path pkiDirectory, Path next, Path marker, Crash crash) {
        this.dir = pkiDirectory;
        this.next = next;
        this.marker = marker;
        this.crash = crash;
    }

    /** Switches from {@code old} (the store's CA now) to the complete CA in {@code next/}. */
    void run(X509Certificate old) throws IOException {
        if (Files.exists(marker)) {
            rollForward(SwitchMarker.read(marker));
            return;
        }
        CertificateAuthority incoming = CertificateAuthority.load(next);
        CertificateAuthority current = CertificateAuthority.load(dir);
        if (!current.certificate().equals(old)) {
            throw new PkiException("the CA in " + dir + " is neither the rotation's old CA nor its new one; "
                    + "not switching (the new CA is in " + next + ")");
        }
        Path retired = RetiredCas.keep(dir.resolve("retired"), current);
        crash.after(Point.OLD_CA_RETIRED);
        StoreFiles.write(marker, new SwitchMarker(retired.getFileName().toString(),
                CertificateDetails.fingerprint(incoming.certificate())).text());
        crash.after(Point.MARKER_WRITTEN);
        rollForward(SwitchMarker.read(marker));
    }

    /**
     * Completes a switch a crash interrupted, recognised from the files alone; empty when there is
     * none. Also completes one left by a Quorum without the marker, which renamed the key first.
     */
    Optional<String> recover(Optional<X509Certificate> old) throws IOException {
        if (Files.exists(marker)) {
            SwitchMarker intent = SwitchMarker.read(marker);
            String found = "found an interrupted switch to the new CA (" + marker.getFileName() + " present; "
                    + describeNext() + ")";
            rollForward(intent);
            return Optional.of(found + "; completed it: " + describeCurrent() + ", the old CA is kept in "
                    + dir.resolve("retired").resolve(intent.retired()));
        }
        if (old.isEmpty() || !Files.isDirectory(next)) {
            return Optional.empty();
        }
        boolean keyThere = Files.exists(next.resolve(CertificateAuthority.KEY_FILE));
        boolean certificateThere = Files.exists(next.resolve(CertificateAuthority.CERTIFICATE_FILE));
        if (!keyThere && certificateThere && storeKeyBelongsTo(next.resolve(CertificateAuthority.CERTIFICATE_FILE))) {
            String found = "found a switch interrupted between its two renames (the new ca-key.pem in place, "
                    + "the new ca.pem still in " + next + ")";
            StoreFiles.move(next.resolve(CertificateAuthority.CERTIFICATE_FILE),
                    dir.resolve(CertificateAuthority.CERTIFICATE_FILE));
            cleanUp();
            return Optional.of(found + "; completed it: " + describeCurrent() + oldKeptIn(old.get()));
        }
        if (!keyThere && !certificateThere && !CertificateAuthority.load(dir).certificate().equals(old.get())) {
            cleanUp();
            return Optional.of("found a switch interrupted after both renames (" + next + " left over); completed it: "
                    + describeCurrent() + oldKeptIn(old.get()));
        }
        return Optional.empty();
    }

    private void rollForward(SwitchMarker intent) throws IOException {
        Path retired = dir.resolve("retired").resolve(intent.retired());
        if (Files.exists(next.resolve(CertificateAuthority.KEY_FILE))
                && !RetiredCas.holds(retired, CertificateAuthority.load(dir))) {
            // Written and read back before the marker, so only a hand edit gets here: keep the old key first.
            retired = RetiredCas.keep(dir.resolve("retired"), CertificateAuthority.load(dir));
        }
        moveIfThere(CertificateAuthority.KEY_FILE);
        crash.after(Point.KEY_MOVED);
        moveIfThere(CertificateAuthority.CERTIFICATE_FILE);
        crash.after(Point.CERTIFICATE_MOVED);
        String now = CertificateDetails.fingerprint(CertificateAuthority.load(dir).certificate());
        if (!now.equals(intent.newFingerprint())) {
            throw new PkiException("after the switch the CA in " + dir + " is not the new CA the marker " + marker
                    + " names (SHA-256 " + intent.newFingerprint() + "); the old CA is in " + retired);
        }
        Files.deleteIfExists(dir.resolve(ClusterPki.CLIENT_CERT));
        Files.deleteIfExists(dir.resolve(ClusterPki.CLIENT_KEY));
        crash.after(Point.CLIENT_DROPPED);
        CaRotationStore.deleteTree(next);
        crash.after(Point.NEXT_REMOVED);
        Files.delete(marker);
    }

    private void moveIfThere(String name) throws IOException {
        if (Files.exists(next.resolve(name))) {
            StoreFiles.move(next.resolve(name), dir.resolve(name));
        }
    }

    private void cleanUp() throws IOException {
        CertificateAuthority.load(dir);
        Files.deleteIfExists(dir.resolve(ClusterPki.CLIENT_CERT));
        Files.deleteIfExists(dir.resolve(ClusterPki.CLIENT_KEY));
        CaRotationStore.deleteTree(next);
    }

    private boolean storeKeyBelongsTo(Path certificate) throws IOException {
        Path key = dir.resolve(CertificateAuthority.KEY_FILE);
        try {
            return Files.exists(key) && CertificateAuthority.fromPem(Files.readString(certificate),
                    Files.readString(key)) != null;
        } catch (PkiException e) {
            return false;
        }
    }

    private String describeNext() {
        List<String> waiting = new ArrayList<>();
        for (String name : CA_FILES) {
            if (Files.exists(next.resolve(name))) {
                waiting.add(name);
            }
        }
        return waiting.isEmpty() ? "both new CA files already renamed into place"
                : String.join(" and ", waiting) + " still waiting in " + next;
    }

    private String describeCurrent() {
        return "the new CA " + CertificateAuthority.load(dir).certificate().getSubjectX500Principal().getName()
                + " is current in " + dir;
    }

    private String oldKeptIn(X509Certificate old) throws IOException {
        return RetiredCas.find(dir.resolve("retired"), old).map(p -> ", the old CA is kept in " + p)
                .orElse("; NO copy of the old CA key was found under " + dir.resolve("retired"));
    }
}
