package dev.quorum.core.certinventory;

import dev.quorum.core.pki.CertFile;
import dev.quorum.core.pki.PemCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The workstation's CA store of one cluster (~/.quorum/clusters/NAME/pki), read for the inventory. */
public record WorkstationStore(Path directory, List<CertFile> files, List<X509Certificate> caCertificates) {
    public WorkstationStore {
        files = List.copyOf(files);
        caCertificates = List.copyOf(caCertificates);
    }

    /** Empty when the folder holds no {@code ca.pem}. */
    public static Optional<WorkstationStore> read(Path directory) {
        Path ca = directory.resolve("ca.pem");
        if (!Files.isRegularFile(ca)) {
            return Optional.empty();
        }
        List<CertFile> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path file : listing.filter(p -> p.getFileName().toString().endsWith(".pem")).sorted().toList()) {
                files.add(new CertFile(file.toString(), mode(file), Optional.of(Files.readString(file))));
            }
            return Optional.of(new WorkstationStore(directory, files,
                    PemCodec.parseCertificates(Files.readString(ca))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CA store " + directory, e);
        }
    }

    private static String mode(Path file) throws IOException {
        try {
            String rwx = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
            int bits = 0;
            for (int i = 0; i < 9; i++) {
                if (rwx.charAt(i) != '-') {
                    bits |= 1 << (8 - i);
                }
            }
            return Integer.toOctalString(bits);
        } catch (UnsupportedOperationException e) {
            return "";
        }
    }
}
