package dev.quorum.core.cluster;

import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.PkiException;
import dev.quorum.core.workspace.QuorumHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code pki/retired/TIME/}: CAs a rotation replaced, never deleted. A copy counts only when both
 * files load as that CA, so a copy a crash cut short is never taken for a safe one.
 */
final class RetiredCas {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RetiredCas() {
    }

    /** A folder holding {@code ca} whole: an existing complete copy, else a new one written and read back. */
    static Path keep(Path root, CertificateAuthority ca) throws IOException {
        Optional<Path> existing = find(root, ca.certificate());
        if (existing.isPresent()) {
            return existing.get();
        }
        Path folder = QuorumHome.privateDirectory(freshPath(root, stamp()));
        StoreFiles.write(folder.resolve(CertificateAuthority.KEY_FILE), ca.privateKeyPem());
        StoreFiles.write(folder.resolve(CertificateAuthority.CERTIFICATE_FILE), ca.certificatePem());
        if (!holds(folder, ca)) {
            throw new IOException("the copy of the old CA in " + folder + " does not read back as that CA");
        }
        return folder;
    }

    /** The first retired folder whose files load as the CA of {@code certificate}. */
    static Optional<Path> find(Path root, X509Certificate certificate) throws IOException {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).sorted(Comparator.naturalOrder())
                    .filter(folder -> loads(folder).map(ca -> ca.certificate().equals(certificate)).orElse(false))
                    .findFirst();
        }
    }

    static boolean holds(Path folder, CertificateAuthority ca) {
        return loads(folder).map(held -> held.certificate().equals(ca.certificate())).orElse(false);
    }

    static String stamp() {
        return STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
    }

    /**
     * A path under {@code root} (created) not used yet: a partial copy from a crashed run is left
     * as it is, never overwritten.
     */
    static Path freshPath(Path root, String name) {
        QuorumHome.privateDirectory(root);
        Path folder = root.resolve(name);
        for (int i = 2; Files.exists(folder); i++) {
            folder = root.resolve(name + "-" + i);
        }
        return folder;
    }

    private static Optional<CertificateAuthority> loads(Path folder) {
        try {
            return Optional.of(CertificateAuthority.load(folder));
        } catch (PkiException e) {
            return Optional.empty();
        }
    }
}
