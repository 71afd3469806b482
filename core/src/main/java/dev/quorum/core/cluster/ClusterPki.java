package dev.quorum.core.cluster;

import dev.quorum.core.etcd.TlsFiles;
import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.CertificateProfile;
import dev.quorum.core.pki.CertificateRequest;
import dev.quorum.core.pki.IssuedCertificate;
import dev.quorum.core.pki.KeyAlgorithm;
import dev.quorum.core.pki.KeyMatch;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.workspace.OwnerOnly;
import dev.quorum.core.workspace.QuorumHome;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cluster's PKI on the workstation: the CA (its key never leaves this folder) and Quorum's own
 * client certificate for talking to etcd.
 */
public final class ClusterPki {
    static final String CLIENT_CERT = "quorum-client.pem";
    static final String CLIENT_KEY = "quorum-client-key.pem";
    /** Held while the client pair is issued, so the CLI and the app do not write it at the same time. */
    static final String CLIENT_LOCK = ".quorum-client.lock";
    private static final Duration CLIENT_VALIDITY = Duration.ofDays(365);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    /** One lock per PKI folder for the whole process: see {@link #clientTls}. */
    private static final Map<Path, Object> CLIENT_ISSUING = new ConcurrentHashMap<>();

    private final Path dir;
    private final CertificateAuthority ca;
    private final List<String> recovered;

    private ClusterPki(Path dir, CertificateAuthority ca, List<String> recovered) {
        this.dir = dir;
        this.ca = ca;
        this.recovered = List.copyOf(recovered);
    }

    /**
     * Loads the cluster's CA, creating it on first use. A CA rotation a crash interrupted is first
     * completed or rolled back (see {@link CaRotationStore#recover}), so the CA loaded is whole.
     */
    public static ClusterPki open(QuorumHome home, String clusterName) {
        Path dir = QuorumHome.privateDirectory(home.pki(clusterName));
        List<String> recovered = new CaRotationStore(dir).recover();
        return new ClusterPki(dir, CertificateAuthority.loadOrCreate(dir, "etcd-ca-" + clusterName, KeyAlgorithm.EC_P256),
                recovered);
    }

    /** Only if the CA already exists: reading a cluster must not invent a CA. */
    public static boolean exists(QuorumHome home, String clusterName) {
        return Files.isRegularFile(home.pki(clusterName).resolve("ca.pem"));
    }

    /**
     * Stores a CA brought from elsewhere (Kubespray's first etcd node) as this cluster's CA, so
     * Quorum issues from it; refused when the cluster already has a CA here.
     */
    public static ClusterPki importCa(QuorumHome home, String clusterName, CertificateAuthority ca) {
        Path dir = QuorumHome.privateDirectory(home.pki(clusterName));
        ca.saveTo(dir);
        return new ClusterPki(dir, CertificateAuthority.load(dir), List.of());
    }

    /** What opening the store found a crash had left and did about it, one sentence each; usually empty. */
    public List<String> recovered() {
        return recovered;
    }

    public CertificateAuthority ca() {
        return ca;
    }

    public CaRotationStore rotation() {
        return new CaRotationStore(dir);
    }

    public Path directory() {
        return dir;
    }

    /**
     * Quorum's client certificate, issued (or renewed) when missing, close to expiry, or not the pair of the key
     * beside it. Sessions of one process each hold their own {@code ClusterPki} and ask at the same moments (the
     * adopt run and the window it refreshes), and the CLI and the app may ask at once too: the key and the
     * certificate are two files, so issuing is one at a time per folder, across the process (a monitor) and across
     * processes (a file lock); otherwise one session's key ends up beside another's certificate, and etcd refuses
     * every connection with "invalid signature by the client certificate".
     */
    public TlsFiles clientTls() {
        Path cert = dir.resolve(CLIENT_CERT);
        Path key = dir.resolve(CLIENT_KEY);
        if (!usable(cert, key)) {
            synchronized (CLIENT_ISSUING.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> new Object())) {
                issueUnlessUsable(cert, key);
            }
        }
        // During a CA rotation Quorum trusts old and new CA, as the hosts do.
        Path bundle = dir.resolve(CaRotationStore.TRUST_BUNDLE);
        return new TlsFiles(Files.isRegularFile(bundle) ? bundle : dir.resolve("ca.pem"), cert, key);
    }

    /** Checks again under the lock: another process may have issued the pair while this one waited. */
    private void issueUnlessUsable(Path cert, Path key) {
        try (FileChannel channel = FileChannel.open(dir.resolve(CLIENT_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            if (!usable(cert, key)) {
                IssuedCertificate issued = ca.issue(new CertificateRequest("quorum-client",
                        CertificateProfile.CLIENT, List.of(), List.of(), CLIENT_VALIDITY, KeyAlgorithm.EC_P256));
                writePrivate(key, issued.privateKeyPem());
                writePrivate(cert, issued.certificatePem());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + dir.resolve(CLIENT_LOCK)
                    + " to issue Quorum's client certificate; check that the folder is writable", e);
        }
    }

    private boolean usable(Path cert, Path key) {
        if (!Files.isRegularFile(cert) || !Files.isRegularFile(key)) {
            return false;
        }
        try {
            X509Certificate certificate = PemCodec.parseCertificates(Files.readString(cert)).get(0);
            return ca.signed(certificate)
                    && certificate.getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE))
                    && KeyMatch.belongsTo(Files.readString(key), certificate);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void writePrivate(Path file, String content) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try (OutputStream out = OwnerOnly.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
