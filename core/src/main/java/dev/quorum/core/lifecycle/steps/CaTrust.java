package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.PemCodec;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a host's CA files and system trust must hold: the CAs trusted (in this order, the first one issuing), and
 * those that must be gone from them. Outside a CA rotation it is the cluster CA alone and nothing dropped.
 *
 * @param trusted the CAs a host trusts, written in this order
 * @param dropped CAs that must no longer be in the system bundle (the old CA at the end of a rotation)
 */
public record CaTrust(List<X509Certificate> trusted, List<X509Certificate> dropped) {
    public CaTrust {
        trusted = List.copyOf(trusted);
        dropped = List.copyOf(dropped);
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("a host must trust at least one CA");
        }
    }

    /** The cluster CA alone. */
    public static CaTrust of(CertificateAuthority ca) {
        return new CaTrust(List.of(ca.certificate()), List.of());
    }

    /** The PEM text of a CA file holding exactly {@link #trusted}. */
    public String pem() {
        return trusted.stream().map(PemCodec::write).collect(Collectors.joining());
    }

    /** Whether a CA file holding {@code held} is right: every trusted CA in it, no dropped one. */
    public boolean heldBy(List<X509Certificate> held) {
        return held.containsAll(trusted) && dropped.stream().noneMatch(held::contains);
    }

    /** Like {@link #heldBy(List)} for a file's PEM text; text that is not PEM holds nothing. */
    public boolean heldBy(java.util.Optional<String> pem) {
        try {
            return pem.isPresent() && heldBy(PemCodec.parseCertificates(pem.get()));
        } catch (RuntimeException notPem) { // PkiException included
            return false;
        }
    }

    /** For messages: what the files hold once right. */
    public String describe() {
        return trusted.size() == 1 ? (dropped.isEmpty() ? "the cluster CA" : "the new CA alone")
                : "the old and the new CA";
    }
}
