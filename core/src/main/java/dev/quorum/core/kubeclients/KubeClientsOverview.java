package dev.quorum.core.kubeclients;

import dev.quorum.core.certinventory.InventoryReport;
import dev.quorum.core.lifecycle.apiservers.ControlPlaneObservation;
import dev.quorum.core.pki.CertificateDetails;
import dev.quorum.core.pki.CertificateProblem;
import dev.quorum.core.pki.CertificateRecord;
import dev.quorum.core.pki.CertificateRole;
import dev.quorum.core.pki.ProblemCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pure: the Kubernetes hosts, what the certificate inventory found and what each control plane's manifest says ->
 * one status per host, in inventory order. A host either read reports as unreachable is unreachable here.
 */
public final class KubeClientsOverview {
    private KubeClientsOverview() {
    }

    /**
     * @param kubernetesHosts the inventory's {@code k8s_cluster} hosts, in order
     * @param controlPlanes   those of {@code kube_control_plane}
     * @param members         the etcd members' client URLs the manifests should list
     */
    public static List<KubeClientStatus> build(List<String> kubernetesHosts, List<String> controlPlanes,
                                               InventoryReport certificates, List<ControlPlaneObservation> manifests,
                                               List<String> members) {
        Map<String, ControlPlaneObservation> byHost = manifests.stream()
                .collect(Collectors.toMap(ControlPlaneObservation::host, Function.identity(), (a, b) -> a));
        boolean caKnown = !InventoryReport.UNKNOWN_CA.equals(certificates.caSource());
        return kubernetesHosts.stream().map(host -> {
            KubeRole role = controlPlanes.contains(host) ? KubeRole.CONTROL_PLANE : KubeRole.NODE;
            ControlPlaneObservation manifest = byHost.get(host);
            Optional<String> unreachable = Optional.ofNullable(certificates.unreachable().get(host))
                    .or(() -> manifest != null && manifest.state() == ControlPlaneObservation.State.UNREACHABLE
                            ? Optional.of(manifest.detail()) : Optional.empty());
            Optional<NodeCertificateState> cert = unreachable.isPresent() ? Optional.empty()
                    : nodeCertificate(host, certificates.certificates(), caKnown);
            return unreachable.isPresent()
                    ? new KubeClientStatus(host, role, unreachable, cert,
                    role == KubeRole.NODE ? ApiserverMatch.NOT_A_CONTROL_PLANE : ApiserverMatch.UNKNOWN, "")
                    : apiserver(host, role, cert, manifest, members);
        }).toList();
    }

    private static KubeClientStatus apiserver(String host, KubeRole role, Optional<NodeCertificateState> cert,
                                              ControlPlaneObservation manifest, List<String> members) {
        if (role == KubeRole.NODE) {
            return new KubeClientStatus(host, role, Optional.empty(), cert, ApiserverMatch.NOT_A_CONTROL_PLANE, "");
        }
        if (manifest == null) {
            return new KubeClientStatus(host, role, Optional.empty(), cert, ApiserverMatch.UNKNOWN, "not read");
        }
        return switch (manifest.state()) {
            case NO_MANIFEST -> new KubeClientStatus(host, role, Optional.empty(), cert, ApiserverMatch.NO_MANIFEST, "");
            case UNREACHABLE -> new KubeClientStatus(host, role, Optional.of(manifest.detail()), cert,
                    ApiserverMatch.UNKNOWN, "");
            case MANIFEST -> manifest.etcdServers()
                    .map(value -> new KubeClientStatus(host, role, Optional.empty(), cert,
                            manifest.matches(members).orElse(false) ? ApiserverMatch.MATCHES : ApiserverMatch.DIFFERS,
                            value))
                    .orElseGet(() -> new KubeClientStatus(host, role, Optional.empty(), cert, ApiserverMatch.UNREADABLE,
                            manifest.detail()));
        };
    }

    private static Optional<NodeCertificateState> nodeCertificate(String host, List<CertificateRecord> records,
                                                                  boolean caKnown) {
        String own = "node-" + host + ".pem";
        return records.stream()
                .filter(r -> r.host().equals(host) && r.role() == CertificateRole.NODE && r.fileName().equals(own))
                .findFirst()
                .map(r -> new NodeCertificateState(r.path(), r.details().map(CertificateDetails::notAfter),
                        r.details().map(CertificateDetails::daysLeft).orElse(0L),
                        caKnown && r.details().isPresent() ? Optional.of(!r.has(ProblemCode.WRONG_CA)) : Optional.empty(),
                        r.problems().stream().map(CertificateProblem::code).map(ProblemCode::id).distinct().toList()));
    }
}
