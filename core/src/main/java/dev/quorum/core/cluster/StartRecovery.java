package dev.quorum.core.cluster;

import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.pki.PkiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The states a crash can leave while a CA rotation starts (before any host or the store's CA
 * changes), recognised from the files and brought back to "not started" or "started, complete".
 * A new CA that was never finished was never published (the trust bundle is written after it),
 * so it is set aside under {@code retired/unused-TIME/}, key included, and made again.
 */
final class StartRecovery {
    private final Path dir;
    private final Path rotation;
    private final Path next;
    private final Path nextPartial;
    private final Path oldCaFile;
    private final Path marker;

    StartRecovery(Path dir, Path rotation, Path next, Path nextPartial, Path oldCaFile, Path marker) {
        this.dir = dir;
        this.rotation = rotation;
        this.next = next;
        this.nextPartial = nextPartial;
        this.oldCaFile = oldCaFile;
        this.marker = marker;
    }

    /**
     * An old-ca.pem cut short (an older Quorum wrote it in place): before the new CA exists the
     * store's CA is still the old one, so it is written again from there.
     */
    Optional<String> oldCaFile() throws IOException {
        if (!Files.exists(oldCaFile) || parses(oldCaFile)) {
            return Optional.empty();
        }
        if (CaRotationStore.hasCaFile(next) || Files.exists(marker)) {
            throw new PkiException(oldCaFile + " is unreadable and the new CA already exists; the old CA is "
                    + "under " + dir.resolve("retired") + " or still " + dir.resolve(CertificateAuthority.CERTIFICATE_FILE)
                    + ": copy its ca.pem to " + oldCaFile + " and run again");
        }
        StoreFiles.write(oldCaFile, CertificateAuthority.load(dir).certificatePem());
        return Optional.of("found " + oldCaFile + " cut short; wrote it again from the current CA (the rotation "
                + "had not made its new CA yet)");
    }

    /** A new CA whose making was interrupted: set aside (never deleted), so start() makes it again. */
    Optional<String> unfinishedNewCa() throws IOException {
        if (Files.exists(nextPartial)) {
            return Optional.of("found a new CA whose making was interrupted (" + nextPartial + "); "
                    + setAside(nextPartial) + ", the rotation makes its new CA again");
        }
        if (!Files.isDirectory(next) || CaRotationStore.complete(next) || Files.exists(marker)) {
            return Optional.empty();
        }
        if (Files.exists(next.resolve(CertificateAuthority.KEY_FILE))) {
            return Optional.of("found a new CA key without its certificate in " + next + " (its making was "
                    + "interrupted); " + setAside(next) + ", the rotation makes its new CA again");
        }
        if (!CaRotationStore.hasCaFile(next)) {
            CaRotationStore.deleteTree(next);
            return Optional.of("found an empty " + next + " (the new CA's making was interrupted); removed it");
        }
        return Optional.empty();
    }

    /** The bundle must be new + old while the new CA waits: an older Quorum wrote it in place. */
    Optional<String> trustBundle(Path bundle, X509Certificate old) throws IOException {
        X509Certificate incoming = CertificateAuthority.load(next).certificate();
        if (Files.exists(bundle) && readsAs(bundle, List.of(incoming, old))) {
            return Optional.empty();
        }
        boolean missing = !Files.exists(bundle);
        StoreFiles.write(bundle, PemCodec.write(incoming) + PemCodec.write(old));
        return Optional.of((missing ? "found no " : "found a cut-short ") + bundle.getFileName()
                + " while the new CA waits; wrote it again (new CA, then old)");
    }

    /**
     * No old-ca.pem, no new CA and no switch under way: the end of a rotation was interrupted
     * while it removed the rotation folder; the folder (no key in it) and a stray bundle go.
     */
    Optional<String> interruptedEnd(Path bundle) throws IOException {
        if (Files.exists(oldCaFile) || CaRotationStore.hasCaFile(next) || CaRotationStore.hasCaFile(nextPartial)
                || Files.exists(marker)) {
            return Optional.empty();
        }
        boolean hadBundle = Files.deleteIfExists(bundle);
        CaRotationStore.deleteTree(rotation);
        return hadBundle ? Optional.of("found the end of a CA rotation interrupted; removed " + bundle.getFileName()
                + " and the rotation folder: Quorum trusts " + dir.resolve(CertificateAuthority.CERTIFICATE_FILE)
                + " alone") : Optional.empty();
    }

    private String setAside(Path folder) throws IOException {
        Path aside = RetiredCas.freshPath(dir.resolve("retired"), "unused-" + RetiredCas.stamp());
        StoreFiles.move(folder, aside);
        return "set it aside in " + aside;
    }

    private static boolean parses(Path file) {
        try {
            PemCodec.parseCertificate(Files.readString(file));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean readsAs(Path file, List<X509Certificate> expected) {
        try {
            return PemCodec.parseCertificates(Files.readString(file)).equals(expected);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
