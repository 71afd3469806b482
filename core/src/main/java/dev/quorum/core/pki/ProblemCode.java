package dev.quorum.core.pki;

import java.util.Locale;

/** The kinds of certificate problems the inventory reports; the code is part of {@code certs --json}. */
public enum ProblemCode {
    EXPIRED(Severity.ERROR),
    EXPIRING(Severity.WARNING),
    NOT_YET_VALID(Severity.ERROR),
    UNREADABLE(Severity.ERROR),
    /** A leaf not signed by the cluster CA, or a host's CA file that is not the cluster CA. */
    WRONG_CA(Severity.ERROR),
    SANS_MISSING(Severity.ERROR),
    KEY_MISSING(Severity.ERROR),
    KEY_MISMATCH(Severity.ERROR),
    USAGE_MISSING(Severity.ERROR),
    KEY_PERMISSIONS(Severity.ERROR),
    CA_KEY_ON_HOST(Severity.NOTE),
    /** A private key whose certificate is not there: left over, or its certificate was lost. */
    ORPHAN_KEY(Severity.NOTE);

    private final Severity severity;

    ProblemCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /** {@code key-mismatch}: the spelling in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
