package dev.quorum.core.pki;

/** How much a certificate problem matters. */
public enum Severity {
    /** etcd or its clients fail, or will fail, because of it. */
    ERROR,
    /** Works today, needs action soon (an expiry inside the warning window). */
    WARNING,
    /** A risk worth saying that breaks nothing (a CA private key kept on a host). */
    NOTE
}
