package dev.quorum.core.pki;

import java.util.List;

/** What is wrong with a certificate already in place; no problems means it can stay. */
public record CertificateCheckResult(List<String> problems) {
    public CertificateCheckResult {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
