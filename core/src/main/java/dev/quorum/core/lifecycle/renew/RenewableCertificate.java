package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.pki.CertificateRequest;

/**
 * A certificate on a host that Quorum re-issues: where it and its key go, and what to put in it.
 *
 * @param logicalName what identifies the certificate across hosts ({@code member-etcd01.pem}):
 *                    Kubespray keeps copies of every member's files on every etcd host, and all
 *                    copies get the same new certificate
 * @param reason      why it is renewed, for the log
 */
record RenewableCertificate(String logicalName, String certificatePath, String keyPath, CertificateRequest request,
                            String reason) {
}
