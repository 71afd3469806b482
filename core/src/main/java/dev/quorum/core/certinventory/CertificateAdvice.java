package dev.quorum.core.certinventory;

import dev.quorum.core.intent.Intent;
import dev.quorum.core.pki.CertificateRecord;
import dev.quorum.core.pki.CertificateRole;
import dev.quorum.core.pki.ProblemCode;
import dev.quorum.core.pki.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the certificate inventory asks the operator to do next, as a typed intent with its reason: the CLI prints it
 * as a command line, the Certificates tab as the button that opens its wizard.
 *
 * <p>A CA that expired or expires within the warning window comes first: every certificate it signs ends with it,
 * so a renewal cannot help and only replacing the CA can. A CA file that is not the cluster's CA gets no advice:
 * neither a renewal nor a rotation would be trusted there (the renewal's guard says to import that CA first).
 *
 * @param title  e.g. "Replace the CA"
 * @param reason why, in words naming the file and the date
 */
public record CertificateAdvice(Intent intent, String title, String reason) {

    /** The advice for {@code report}; empty when nothing Quorum does would help or nothing is needed. */
    public static Optional<CertificateAdvice> of(InventoryReport report) {
        Optional<CertificateRecord> endingCa = report.certificates().stream()
                .filter(r -> r.role() == CertificateRole.CA && !r.has(ProblemCode.WRONG_CA))
                .filter(r -> r.has(ProblemCode.EXPIRED) || r.has(ProblemCode.EXPIRING))
                .min(Comparator.comparing((CertificateRecord r) -> !r.has(ProblemCode.EXPIRED))); // expired first
        if (endingCa.isPresent()) {
            CertificateRecord ca = endingCa.get();
            boolean expired = ca.has(ProblemCode.EXPIRED);
            return Optional.of(new CertificateAdvice(new Intent.RotateCa(), "Replace the CA", "the CA in " + ca.path()
                    + " on " + ca.host() + " " + (expired ? "has expired" : "expires soon") + " ("
                    + ca.details().map(d -> d.notAfter().toString().substring(0, 10)).orElse("date unknown") + "): "
                    + (expired ? "etcd refuses every certificate it signs" : "every certificate it signs ends with it")
                    + ", so renewing them cannot help"));
        }
        List<CertificateRecord> renewable = report.certificates().stream().filter(CertificateAdvice::renewable)
                .toList();
        if (renewable.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CertificateAdvice(new Intent.RenewCertificates(), "Renew the certificates",
                renewable.size() + (renewable.size() == 1 ? " certificate needs" : " certificates need")
                        + " re-issuing from the cluster CA"));
    }

    /** What {@code quorum certs renew} re-issues: a member, admin or node certificate with an error or warning. */
    private static boolean renewable(CertificateRecord record) {
        boolean issuedByQuorum = record.role() == CertificateRole.MEMBER || record.role() == CertificateRole.ADMIN
                || record.role() == CertificateRole.NODE;
        return issuedByQuorum && record.problems().stream().anyMatch(p -> p.severity() != Severity.NOTE);
    }
}
