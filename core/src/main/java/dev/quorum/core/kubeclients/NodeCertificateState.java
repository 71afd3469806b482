package dev.quorum.core.kubeclients;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A Kubernetes host's own {@code node-HOST.pem}, as the certificate inventory inspected it.
 *
 * @param notAfter          empty when the file is missing or unreadable
 * @param signedByClusterCa empty when no cluster CA was found to check against
 * @param problems          the inventory's problem ids (expired, wrong-ca, key-mismatch, ...), empty when clean
 */
public record NodeCertificateState(String path, Optional<Instant> notAfter, long daysLeft,
                                   Optional<Boolean> signedByClusterCa, List<String> problems) {
    public NodeCertificateState {
        problems = List.copyOf(problems);
    }

    public boolean present() {
        return notAfter.isPresent();
    }
}
