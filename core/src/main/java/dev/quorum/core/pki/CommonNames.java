package dev.quorum.core.pki;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** The subject CN of a certificate, which etcd uses as the user name when client-cert auth is on. */
final class CommonNames {
    private CommonNames() {
    }

    /** The first CN of the subject, or an empty string when there is none. */
    static String of(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] commonNames = subject.getRDNs(BCStyle.CN);
        return commonNames.length == 0 ? "" : IETFUtils.valueToString(commonNames[0].getFirst().getValue());
    }
}
