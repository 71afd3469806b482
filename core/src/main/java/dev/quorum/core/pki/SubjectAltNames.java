package dev.quorum.core.pki;

import java.io.IOException;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * The DNS and IP subject alternative names of a certificate. IPs are compared as addresses,
 * not text, so {@code ::1} and {@code 0:0:0:0:0:0:0:1} are the same entry.
 */
record SubjectAltNames(List<String> dnsNames, List<InetAddress> ipAddresses) {
    SubjectAltNames {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
    }

    static SubjectAltNames of(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.subjectAlternativeName.getId());
        List<String> dns = new ArrayList<>();
        List<InetAddress> ips = new ArrayList<>();
        if (extension == null) {
            return new SubjectAltNames(dns, ips);
        }
        try {
            GeneralNames names = GeneralNames.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension));
            for (GeneralName name : names.getNames()) {
                if (name.getTagNo() == GeneralName.dNSName) {
                    dns.add(ASN1IA5String.getInstance(name.getName()).getString());
                } else if (name.getTagNo() == GeneralName.iPAddress) {
                    // getByAddress only wraps the bytes; no lookup happens.
                    ips.add(InetAddress.getByAddress(ASN1OctetString.getInstance(name.getName()).getOctets()));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // Includes UnknownHostException, which is what a wrong-length address gives.
            throw new PkiException("unreadable subject alternative names: " + e.getMessage(), e);
        }
        return new SubjectAltNames(dns, ips);
    }

    /** DNS names match case-insensitively, as DNS does. */
    boolean coversDns(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return dnsNames.stream().anyMatch(dns -> dns.toLowerCase(Locale.ROOT).equals(wanted));
    }

    boolean coversIp(String literal) {
        return ipAddresses.contains(IpLiterals.require(literal));
    }
}
