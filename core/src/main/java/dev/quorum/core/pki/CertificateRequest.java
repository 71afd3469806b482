package dev.quorum.core.pki;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to put in a leaf certificate. Validated on construction so a bad inventory value fails
 * here, with its name, rather than deep inside BouncyCastle.
 *
 * @param commonName  the subject CN, e.g. {@code etcd-member-etcd01}
 * @param dnsNames    DNS subject alternative names
 * @param ipAddresses IP subject alternative names, IPv4 or IPv6 literals (never resolved)
 * @param validity    how long from issue the certificate stays valid
 */
public record CertificateRequest(
        String commonName,
        CertificateProfile profile,
        List<String> dnsNames,
        List<String> ipAddresses,
        Duration validity,
        KeyAlgorithm keyAlgorithm) {

    public CertificateRequest {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("certificate common name is blank");
        }
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        for (String name : dnsNames) {
            requireDnsName(name);
        }
        for (String ip : ipAddresses) {
            if (!IpLiterals.isLiteral(ip)) {
                throw new IllegalArgumentException("not an IP address literal: \"" + ip + "\"");
            }
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("certificate validity must be positive, was " + validity);
        }
    }

    private static void requireDnsName(String name) {
        // A dNSName is an IA5String: ASCII, and a name with spaces would never match a TLS peer.
        if (name == null || name.isBlank() || !name.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new IllegalArgumentException("not a DNS name: \"" + name + "\"");
        }
    }
}
