package dev.quorum.core.certinventory;

import dev.quorum.core.pki.CertificateRecord;
import dev.quorum.core.pki.Severity;
import java.util.List;
import java.util.Map;

/**
 * Every certificate found, host by host, and the hosts that could not be read.
 *
 * @param caSource    where the cluster CA the checks used came from (the workstation store, a
 *                    host's ca.pem), or "unknown"
 * @param unreachable host name to the reason it could not be read
 */
public record InventoryReport(List<CertificateRecord> certificates, Map<String, String> unreachable, String caSource) {
    public static final String UNKNOWN_CA = "unknown";

    public InventoryReport {
        certificates = List.copyOf(certificates);
        unreachable = Map.copyOf(unreachable);
    }

    /** True when nothing needs action: no error or warning (notes do not count), every host read. */
    public boolean clean() {
        return unreachable.isEmpty() && certificates.stream().noneMatch(c -> c.needsAction());
    }

    public boolean hasErrors() {
        return !unreachable.isEmpty() || certificates.stream()
                .anyMatch(c -> c.problems().stream().anyMatch(p -> p.severity() == Severity.ERROR));
    }
}
