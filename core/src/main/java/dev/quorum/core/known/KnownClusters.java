package dev.quorum.core.known;

import dev.quorum.core.engine.RunLog;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.workspace.QuorumHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the known clusters from the Quorum home: files only (blocking; call from the background), each bounded so
 * a glance stays cheap: at most {@link #MAX_CLUSTERS} clusters, the newest run log only (up to 4 MiB), the pki
 * folder's certificate files only (keys are never read).
 */
public final class KnownClusters {
    public static final int MAX_CLUSTERS = 50;
    static final long MAX_RUN_LOG_BYTES = 4L << 20;
    static final int MAX_PKI_FILES = 64;

    private final QuorumHome home;

    public KnownClusters(QuorumHome home) {
        this.home = home;
    }

    /** Sorted by name; a folder whose files cannot be read is still listed, with what could be read. */
    public List<KnownCluster> list() throws IOException {
        Path clusters = home.root().resolve("clusters");
        if (!Files.isDirectory(clusters)) {
            return List.of();
        }
        List<KnownCluster> known = new ArrayList<>();
        for (Path dir : children(clusters, Files::isDirectory, MAX_CLUSTERS)) {
            String name = dir.getFileName().toString();
            known.add(new KnownCluster(name, OpenedFrom.read(dir.resolve(OpenedFrom.FILE)), lastRun(name),
                    CertificateExpiry.soonest(expiries(name))));
        }
        return withoutEventsFolders(known);
    }

    /**
     * An events cluster's runs and snapshots live in {@code NAME-events} (decision 0038), but it is opened from its
     * main cluster's inventory (the header's cluster switch), which records the inventory under {@code NAME} only:
     * listed on its own, its folder would be a card without an inventory to open.
     */
    private static List<KnownCluster> withoutEventsFolders(List<KnownCluster> known) {
        String suffix = ClusterLayout.EVENTS.memberSuffix();
        return known.stream().filter(cluster -> !(cluster.inventory().isEmpty() && cluster.name().endsWith(suffix)
                && known.stream().anyMatch(main -> main.inventory().isPresent() && cluster.name()
                        .equals(main.name() + suffix)))).toList();
    }

    private Optional<LastRun> lastRun(String name) {
        try {
            // Run logs are named TIME-LIFECYCLE.jsonl with a sortable UTC time: the greatest name is the newest run.
            if (!Files.isDirectory(home.runs(name))) {
                return Optional.empty();
            }
            Optional<Path> newest;
            try (Stream<Path> listing = Files.list(home.runs(name))) {
                newest = listing.filter(f -> f.getFileName().toString().endsWith(".jsonl"))
                        .max(Comparator.comparing(f -> f.getFileName().toString()));
            }
            if (newest.isEmpty() || Files.size(newest.get()) > MAX_RUN_LOG_BYTES) {
                return Optional.empty();
            }
            return LastRun.of(RunLog.read(newest.get()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a glance: an unreadable log is no last run, the Tasks tab says why
        }
    }

    private List<CertificateExpiry> expiries(String name) {
        List<CertificateExpiry> expiries = new ArrayList<>();
        try {
            for (Path file : children(home.pki(name), KnownClusters::certificateFile, MAX_PKI_FILES)) {
                String pem = Files.readString(file, StandardCharsets.US_ASCII);
                if (pem.contains("PRIVATE KEY")) {
                    continue;
                }
                try {
                    for (X509Certificate certificate : PemCodec.parseCertificates(pem)) {
                        expiries.add(new CertificateExpiry(file.getFileName().toString(),
                                certificate.getNotAfter().toInstant()));
                    }
                } catch (RuntimeException e) {
                    // not a certificate after all: nothing to say about its expiry
                }
            }
        } catch (IOException e) {
            return expiries;
        }
        return expiries;
    }

    private static boolean certificateFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".pem") || name.endsWith(".crt"))
                && !name.contains("key");
    }

    private static List<Path> children(Path dir, java.util.function.Predicate<Path> keep, int limit)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(keep).sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .limit(limit).toList();
        }
    }
}
