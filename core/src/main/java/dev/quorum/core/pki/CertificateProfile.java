package dev.quorum.core.pki;

import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/** What a leaf certificate may be used for (its extended key usage). */
public enum CertificateProfile {
    /** etcd 3.4 also dials itself with its server certificate, so it needs clientAuth too. */
    MEMBER(true),
    /** Kubespray's openssl.conf gives every certificate both usages; kept for drop-in compatibility. */
    ADMIN(true),
    /** As {@link #ADMIN}: Kubespray's node certificates carry both usages. */
    NODE(true),
    /** Quorum's own workstation client: never serves, so clientAuth only. */
    CLIENT(false);

    private final boolean server;

    CertificateProfile(boolean server) {
        this.server = server;
    }

    public List<TlsUsage> usages() {
        return server ? List.of(TlsUsage.SERVER_AUTH, TlsUsage.CLIENT_AUTH) : List.of(TlsUsage.CLIENT_AUTH);
    }

    /** A TLS extended key usage, with the name openssl prints for it. */
    public enum TlsUsage {
        SERVER_AUTH("serverAuth", KeyPurposeId.id_kp_serverAuth),
        CLIENT_AUTH("clientAuth", KeyPurposeId.id_kp_clientAuth);

        private final String shortName;
        private final KeyPurposeId purpose;

        TlsUsage(String shortName, KeyPurposeId purpose) {
            this.shortName = shortName;
            this.purpose = purpose;
        }

        public String shortName() {
            return shortName;
        }

        public String oid() {
            return purpose.getId();
        }

        KeyPurposeId purpose() {
            return purpose;
        }
    }
}
