package dev.quorum.app.certificates;

import dev.quorum.core.pki.CertificateDetails;
import dev.quorum.core.pki.CertificateProblem;
import dev.quorum.core.pki.CertificateRecord;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One line of the Certificates tab: a certificate file of a host, as core's inventory reported it.
 *
 * @param notAfter "2027-12-01", empty when the file could not be read
 * @param daysLeft empty when the file could not be read
 * @param problems every problem in core's words, one per line
 */
public record CertificateRow(String host, String path, String subject, String sans, String issuer, String notAfter,
                             Optional<Long> daysLeft, RowSeverity severity, String problems) {

    /** Problems first (errors, then warnings; notes are no problem), then the fewest days left, then host and file. */
    public static final Comparator<CertificateRow> PROBLEMS_FIRST = Comparator
            .comparingInt((CertificateRow r) -> r.severity().needsAction() ? r.severity().ordinal() : Integer.MAX_VALUE)
            .thenComparing(r -> r.daysLeft().orElse(Long.MIN_VALUE))
            .thenComparing(CertificateRow::host)
            .thenComparing(CertificateRow::path);

    public static CertificateRow of(CertificateRecord record) {
        Optional<CertificateDetails> details = record.details();
        return new CertificateRow(record.host(), record.path(), details.map(CertificateDetails::subject).orElse(""),
                details.map(d -> String.join(", ", d.sans())).orElse(""),
                details.map(CertificateDetails::issuer).orElse(""),
                details.map(d -> d.notAfter().toString().substring(0, 10)).orElse(""),
                details.map(CertificateDetails::daysLeft), RowSeverity.of(record.problems()),
                record.problems().stream().map(CertificateProblem::message).collect(Collectors.joining("\n")));
    }

    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public String daysLeftText() {
        return DaysLeft.words(daysLeft);
    }

    /** The worst problem's severity in a word: "Error", "Warning", "Note", or "OK" when there is none. */
    public String severityText() {
        return severity.words();
    }
}
