package dev.quorum.core.pki;

import java.util.List;
import java.util.Optional;

/**
 * One certificate file on one host (or the workstation), with everything wrong with it.
 *
 * @param usedBy  the etcd settings of {@code /etc/etcd.env} that name this file (ETCD_CERT_FILE, ...)
 * @param details empty when the file is missing or unreadable (a problem then says so)
 * @param keyPath the private key that belongs to it, empty when none is expected (a CA without its key)
 */
public record CertificateRecord(String host, String path, CertificateRole role, List<String> usedBy,
                                Optional<CertificateDetails> details, Optional<String> keyPath,
                                List<CertificateProblem> problems) {
    public CertificateRecord {
        usedBy = List.copyOf(usedBy);
        problems = List.copyOf(problems);
    }

    public boolean has(ProblemCode code) {
        return problems.stream().anyMatch(p -> p.code() == code);
    }

    /** Problems that need action: errors and warnings, not notes. */
    public boolean needsAction() {
        return problems.stream().anyMatch(p -> p.severity() != Severity.NOTE);
    }

    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
