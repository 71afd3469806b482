package dev.quorum.core.known;

import java.time.Instant;

/** One workstation certificate's end of validity: {@code file} is its name in the cluster's pki folder. */
public record CertificateExpiry(String file, Instant notAfter) {

    /** Pure: the soonest of several, so the card shows the one that needs attention first. */
    public static java.util.Optional<CertificateExpiry> soonest(java.util.List<CertificateExpiry> all) {
        return all.stream().min(java.util.Comparator.comparing(CertificateExpiry::notAfter)
                .thenComparing(CertificateExpiry::file));
    }
}
