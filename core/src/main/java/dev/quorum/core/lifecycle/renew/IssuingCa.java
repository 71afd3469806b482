package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.cluster.ClusterPki;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * Whether the CA that a rotation replaces (the old one while a rotation is open, else the workstation's CA) is
 * past its notAfter. etcd checks the whole chain on every TLS handshake, so once the CA expired no member accepts a
 * certificate it signed: no member can rejoin after a restart, and a rolling rotation, which restarts one member
 * and waits for it to be healthy, cannot start. The CA's own file on the workstation is the evidence: no host is
 * asked.
 */
enum IssuingCa {
    VALID,
    /** Replaced all at once: new files everywhere, then every member restarts together (decision 0076). */
    EXPIRED;

    static IssuingCa of(ClusterPki pki, Instant now) {
        X509Certificate replaced = pki.rotation().oldCa().orElseGet(() -> pki.ca().certificate());
        return expired(replaced, now) ? EXPIRED : VALID;
    }

    static boolean expired(X509Certificate ca, Instant now) {
        return ca.getNotAfter().toInstant().isBefore(now);
    }
}
