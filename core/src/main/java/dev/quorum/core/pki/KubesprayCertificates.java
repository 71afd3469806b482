package dev.quorum.core.pki;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Kubespray's etcd certificate set ({@code roles/etcd}: make-ssl-etcd.sh and openssl.conf.j2),
 * so a cluster installed by either tool can be operated by the other.
 *
 * <p>Every member, admin and node certificate carries the same SANs: DNS {@code localhost},
 * every etcd host's inventory name, {@code etcd_cert_alt_names}; IP every etcd host's
 * address(es), {@code etcd_cert_alt_ips}, {@code 127.0.0.1}. An address that is not an IP
 * literal goes in as a DNS name, as Kubespray does with a non-IP {@code etcd_access_address}.
 */
public final class KubesprayCertificates {
    public static final String CA_CERTIFICATE_FILE = CertificateAuthority.CERTIFICATE_FILE;
    /** Listed for reference: Quorum keeps the CA key on the workstation unless told otherwise. */
    public static final String CA_KEY_FILE = CertificateAuthority.KEY_FILE;
    public static final String CA_COMMON_NAME = "etcd-ca";
    /** Kubespray issues member, admin and node certificates for 36500 days. */
    public static final Duration KUBESPRAY_VALIDITY = Duration.ofDays(36500);

    private final List<CertHost> etcdHosts;
    private final List<String> dnsNames;
    private final List<String> ipAddresses;
    private final KeyAlgorithm keyAlgorithm;
    private final Duration validity;

    public KubesprayCertificates(List<CertHost> etcdHosts, List<String> certAltNames, List<String> certAltIps,
            KeyAlgorithm keyAlgorithm, Duration validity) {
        this.etcdHosts = List.copyOf(etcdHosts);
        this.keyAlgorithm = Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
        this.validity = Objects.requireNonNull(validity, "validity");
        if (this.etcdHosts.isEmpty()) {
            throw new IllegalArgumentException("the etcd group is empty");
        }
        this.dnsNames = dnsNames(this.etcdHosts, certAltNames);
        this.ipAddresses = ipAddresses(this.etcdHosts, certAltIps);
    }

    /** Quorum's defaults: EC P-256 keys, Kubespray's 36500-day lifetime. */
    public static KubesprayCertificates of(List<CertHost> etcdHosts, List<String> certAltNames, List<String> certAltIps) {
        return new KubesprayCertificates(etcdHosts, certAltNames, certAltIps, KeyAlgorithm.EC_P256, KUBESPRAY_VALIDITY);
    }

    public List<String> dnsNames() {
        return dnsNames;
    }

    public List<String> ipAddresses() {
        return ipAddresses;
    }

    /** {@code member-HOST.pem}: the etcd member's server and peer certificate. */
    public KubesprayCertificate member(String etcdHost) {
        return certificate("member", requireEtcdHost(etcdHost), CertificateProfile.MEMBER);
    }

    /** {@code admin-HOST.pem}: the client certificate etcdctl uses on that etcd host. */
    public KubesprayCertificate admin(String etcdHost) {
        return certificate("admin", requireEtcdHost(etcdHost), CertificateProfile.ADMIN);
    }

    /** {@code node-HOST.pem}: for a non-etcd host (e.g. a Kubernetes node) that talks to etcd. */
    public KubesprayCertificate node(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host name is blank");
        }
        return certificate("node", host, CertificateProfile.NODE);
    }

    /** What an etcd host holds besides the CA: its member and admin certificates. */
    public List<KubesprayCertificate> forEtcdHost(String etcdHost) {
        return List.of(member(etcdHost), admin(etcdHost));
    }

    /**
     * make-ssl-etcd.sh names files after the full inventory name but puts only its first label
     * in the CN ({@code cn="${host%%.*}"}).
     */
    static String commonName(String kind, String host) {
        int dot = host.indexOf('.');
        return "etcd-" + kind + "-" + (dot < 0 ? host : host.substring(0, dot));
    }

    private KubesprayCertificate certificate(String kind, String host, CertificateProfile profile) {
        CertificateRequest request = new CertificateRequest(
                commonName(kind, host), profile, dnsNames, ipAddresses, validity, keyAlgorithm);
        return new KubesprayCertificate(kind + "-" + host + ".pem", kind + "-" + host + "-key.pem", request);
    }

    private String requireEtcdHost(String host) {
        if (etcdHosts.stream().noneMatch(h -> h.name().equals(host))) {
            throw new IllegalArgumentException(host + " is not in the etcd group");
        }
        return host;
    }

    private static List<String> dnsNames(List<CertHost> hosts, List<String> altNames) {
        Set<String> names = new LinkedHashSet<>();
        names.add("localhost");
        for (CertHost host : hosts) {
            host.addresses().stream().filter(a -> !IpLiterals.isLiteral(a)).forEach(names::add);
            names.add(host.name());
        }
        names.addAll(altNames);
        return List.copyOf(names);
    }

    private static List<String> ipAddresses(List<CertHost> hosts, List<String> altIps) {
        List<String> candidates = new ArrayList<>();
        hosts.forEach(host -> host.addresses().stream().filter(IpLiterals::isLiteral).forEach(candidates::add));
        for (String ip : altIps) {
            if (!IpLiterals.isLiteral(ip)) {
                throw new IllegalArgumentException("etcd_cert_alt_ips holds a non-IP value: \"" + ip + "\"");
            }
            candidates.add(ip);
        }
        candidates.add("127.0.0.1");
        // Same address written twice (e.g. access_ip equal to ip) appears once, first spelling kept.
        Set<InetAddress> seen = new HashSet<>();
        return candidates.stream().filter(ip -> seen.add(IpLiterals.require(ip))).toList();
    }
}
