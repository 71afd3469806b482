package dev.quorum.core.pki;

import java.util.List;

/** What a certificate file is for, from Kubespray's file names or the etcd setting that names it. */
public enum CertificateRole {
    CA(List.of()),
    /** Serves clients and peers and dials peers: both usages, SANs must cover its host. */
    MEMBER(CertificateProfile.MEMBER.usages()),
    /** etcdctl on an etcd host: a client. */
    ADMIN(List.of(CertificateProfile.TlsUsage.CLIENT_AUTH)),
    /** A Kubernetes node (kube-apiserver, calico) dialling etcd: a client. */
    NODE(List.of(CertificateProfile.TlsUsage.CLIENT_AUTH)),
    /** Quorum's own workstation client. */
    CLIENT(List.of(CertificateProfile.TlsUsage.CLIENT_AUTH)),
    OTHER(List.of());

    private final List<CertificateProfile.TlsUsage> needs;

    CertificateRole(List<CertificateProfile.TlsUsage> needs) {
        this.needs = needs;
    }

    /** The extended key usages etcd needs of a certificate in this role. */
    public List<CertificateProfile.TlsUsage> needs() {
        return needs;
    }

    /** From a Kubespray file name: {@code member-etcd01.pem} is a member's, {@code ca.pem} the CA. */
    public static CertificateRole ofFileName(String fileName) {
        if (fileName.equals(CertificateAuthority.CERTIFICATE_FILE)) {
            return CA;
        }
        if (fileName.startsWith("member-")) {
            return MEMBER;
        }
        if (fileName.startsWith("admin-")) {
            return ADMIN;
        }
        if (fileName.startsWith("node-")) {
            return NODE;
        }
        return fileName.startsWith("quorum-client") ? CLIENT : OTHER;
    }

    /** The host a Kubespray file is for: {@code member-etcd01.pem} gives {@code etcd01}; empty if none. */
    public static String subjectHost(String fileName) {
        int dash = fileName.indexOf('-');
        if (dash < 0 || !fileName.endsWith(".pem") || ofFileName(fileName) == OTHER || ofFileName(fileName) == CLIENT) {
            return "";
        }
        return fileName.substring(dash + 1, fileName.length() - ".pem".length());
    }
}
