package dev.quorum.core.pki;

/**
 * One certificate of Kubespray's layout: the file names inside {@code etcd_cert_dir} and what
 * to issue into them.
 *
 * @param certificateFile e.g. {@code member-etcd01.pem}
 * @param keyFile         e.g. {@code member-etcd01-key.pem}
 */
public record KubesprayCertificate(String certificateFile, String keyFile, CertificateRequest request) {
}
