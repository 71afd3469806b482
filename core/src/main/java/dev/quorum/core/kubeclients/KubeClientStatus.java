package dev.quorum.core.kubeclients;

import java.util.Objects;
import java.util.Optional;

/**
 * One Kubernetes host as an etcd client: what it is, whether it answered, its node certificate, and whether
 * kube-apiserver there points at the members.
 *
 * @param unreachable   why the host could not be read; empty when it answered
 * @param certificate   empty when the host was not read
 * @param apiserverText the manifest's {@code --etcd-servers} value, or what keeps it from being known
 */
public record KubeClientStatus(String host, KubeRole role, Optional<String> unreachable,
                               Optional<NodeCertificateState> certificate, ApiserverMatch apiserver,
                               String apiserverText) {
    public KubeClientStatus {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(unreachable, "unreachable");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(apiserver, "apiserver");
        Objects.requireNonNull(apiserverText, "apiserverText");
    }

    public boolean reachable() {
        return unreachable.isEmpty();
    }
}
