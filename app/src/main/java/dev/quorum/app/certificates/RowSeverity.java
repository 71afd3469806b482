package dev.quorum.app.certificates;

import dev.quorum.core.pki.CertificateProblem;
import dev.quorum.core.pki.Severity;
import java.util.List;

/** The worst problem of a certificate row, in words (the view adds an icon, never colour alone). */
public enum RowSeverity {
    ERROR("Error"),
    WARNING("Warning"),
    NOTE("Note"),
    OK("OK");

    private final String words;

    RowSeverity(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** True for errors and warnings: what the "problems only" filter keeps and sorts first. */
    public boolean needsAction() {
        return this == ERROR || this == WARNING;
    }

    static RowSeverity of(List<CertificateProblem> problems) {
        RowSeverity worst = OK;
        for (CertificateProblem problem : problems) {
            RowSeverity each = problem.severity() == Severity.ERROR ? ERROR
                    : problem.severity() == Severity.WARNING ? WARNING : NOTE;
            if (each.ordinal() < worst.ordinal()) {
                worst = each;
            }
        }
        return worst;
    }
}
