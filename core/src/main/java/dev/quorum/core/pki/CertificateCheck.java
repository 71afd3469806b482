package dev.quorum.core.pki;

import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a certificate already on a host can stay, so the installer regenerates only
 * what is wrong. Every problem is reported, not just the first, in words a user can act on.
 */
public final class CertificateCheck {
    public static final Duration DEFAULT_RENEWAL_MARGIN = Duration.ofDays(30);

    private final X509Certificate caCertificate;
    private final Duration renewalMargin;
    private final Clock clock;

    public CertificateCheck(X509Certificate caCertificate, Duration renewalMargin, Clock clock) {
        this.caCertificate = Objects.requireNonNull(caCertificate, "caCertificate");
        this.renewalMargin = Objects.requireNonNull(renewalMargin, "renewalMargin");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (renewalMargin.isNegative()) {
            throw new IllegalArgumentException("renewal margin must not be negative, was " + renewalMargin);
        }
    }

    public static CertificateCheck against(CertificateAuthority ca) {
        return against(ca, DEFAULT_RENEWAL_MARGIN);
    }

    public static CertificateCheck against(CertificateAuthority ca, Duration renewalMargin) {
        return new CertificateCheck(ca.certificate(), renewalMargin, Clock.systemUTC());
    }

    /** Checks against what the request would issue, including its common name. */
    public CertificateCheckResult check(String certificatePem, String privateKeyPem, CertificateRequest expected) {
        List<String> problems = new ArrayList<>(check(certificatePem, privateKeyPem,
                expected.dnsNames(), expected.ipAddresses(), expected.profile()).problems());
        parse(certificatePem).ifPresent(cert -> {
            String commonName = CommonNames.of(cert);
            if (!expected.commonName().equals(commonName)) {
                problems.add("common name is " + commonName + ", expected " + expected.commonName());
            }
        });
        return new CertificateCheckResult(problems);
    }

    public CertificateCheckResult check(String certificatePem, String privateKeyPem,
            List<String> dnsNames, List<String> ipAddresses, CertificateProfile profile) {
        List<String> problems = new ArrayList<>();
        X509Certificate certificate;
        try {
            certificate = PemCodec.parseCertificate(certificatePem);
        } catch (PkiException e) {
            problems.add("certificate unreadable: " + e.getMessage());
            return new CertificateCheckResult(problems);
        }
        if (!CertificateAuthority.signedBy(certificate, caCertificate)) {
            problems.add("not signed by this CA (issuer " + certificate.getIssuerX500Principal().getName() + ")");
        }
        problems.addAll(sanProblems(certificate, dnsNames, ipAddresses));
        problems.addAll(validityProblems(certificate));
        problems.addAll(keyProblems(certificate, privateKeyPem));
        problems.addAll(usageProblems(certificate, profile));
        return new CertificateCheckResult(problems);
    }

    private static List<String> sanProblems(X509Certificate certificate, List<String> dnsNames, List<String> ips) {
        List<String> problems = new ArrayList<>();
        SubjectAltNames sans;
        try {
            sans = SubjectAltNames.of(certificate);
        } catch (PkiException e) {
            return List.of(e.getMessage());
        }
        dnsNames.stream().filter(dns -> !sans.coversDns(dns)).forEach(dns -> problems.add("SANs do not cover " + dns));
        ips.stream().filter(ip -> !sans.coversIp(ip)).forEach(ip -> problems.add("SANs do not cover " + ip));
        return problems;
    }

    private List<String> validityProblems(X509Certificate certificate) {
        Instant now = clock.instant();
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            return List.of("expired on " + notAfter);
        }
        if (now.isBefore(notBefore)) {
            return List.of("not valid before " + notBefore + " (is a clock wrong?)");
        }
        if (now.plus(renewalMargin).isAfter(notAfter)) {
            return List.of("expires on " + notAfter + ", within the " + describe(renewalMargin) + " renewal margin");
        }
        return List.of();
    }

    private static List<String> keyProblems(X509Certificate certificate, String privateKeyPem) {
        PrivateKey key;
        try {
            key = PemCodec.parsePrivateKey(privateKeyPem);
        } catch (PkiException e) {
            return List.of("private key unreadable: " + e.getMessage());
        }
        return Keys.match(certificate.getPublicKey(), key) ? List.of() : List.of("private key does not match the certificate");
    }

    private static List<String> usageProblems(X509Certificate certificate, CertificateProfile profile) {
        List<String> present;
        try {
            present = certificate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return List.of("extended key usage unreadable: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (CertificateProfile.TlsUsage usage : profile.usages()) {
            if (present == null || !present.contains(usage.oid())) {
                problems.add("lacks " + usage.shortName() + " extended key usage");
            }
        }
        return problems;
    }

    private static Optional<X509Certificate> parse(String pem) {
        try {
            return Optional.of(PemCodec.parseCertificate(pem));
        } catch (PkiException e) {
            return Optional.empty();
        }
    }

    private static String describe(Duration margin) {
        return margin.toSeconds() % ChronoUnit.DAYS.getDuration().toSeconds() == 0
                ? margin.toDays() + "-day"
                : margin.toString();
    }
}
