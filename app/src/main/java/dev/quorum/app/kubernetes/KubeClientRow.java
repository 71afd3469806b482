package dev.quorum.app.kubernetes;

import dev.quorum.core.kubeclients.ApiserverMatch;
import dev.quorum.core.kubeclients.KubeClientStatus;
import dev.quorum.core.kubeclients.KubeRole;
import dev.quorum.core.kubeclients.NodeCertificateState;
import java.util.Optional;

/**
 * One line of the Kubernetes tab, in words.
 *
 * @param attention the host needs the user: not reached, a certificate problem, or kube-apiserver lists other servers
 */
public record KubeClientRow(String host, String role, String reach, String certificate, String signedBy,
                            String apiserver, String detail, boolean attention) {

    public static KubeClientRow of(KubeClientStatus status) {
        String role = status.role() == KubeRole.CONTROL_PLANE ? "control plane" : "node";
        if (!status.reachable()) {
            return new KubeClientRow(status.host(), role, "NOT reached", "unknown", "unknown",
                    status.role() == KubeRole.CONTROL_PLANE ? "unknown" : "-", status.unreachable().orElse(""), true);
        }
        Optional<NodeCertificateState> cert = status.certificate();
        String certificate = cert.map(KubeClientRow::certificateWords).orElse("not read");
        String signedBy = cert.flatMap(NodeCertificateState::signedByClusterCa)
                .map(ok -> ok ? "cluster CA" : "NOT the cluster CA").orElse("unknown");
        boolean certTrouble = cert.map(c -> !c.present() || !c.problems().isEmpty()).orElse(true);
        return new KubeClientRow(status.host(), role, "reachable", certificate, signedBy,
                apiserverWords(status.apiserver()), status.apiserverText(),
                certTrouble || status.apiserver() == ApiserverMatch.DIFFERS
                        || status.apiserver() == ApiserverMatch.UNREADABLE);
    }

    private static String certificateWords(NodeCertificateState cert) {
        if (!cert.present()) {
            return "missing or unreadable (" + cert.path() + ")";
        }
        String expiry = "until " + cert.notAfter().orElseThrow().toString().substring(0, 10) + " (" + cert.daysLeft()
                + " days)";
        return cert.problems().isEmpty() ? expiry : expiry + "; " + String.join(", ", cert.problems());
    }

    private static String apiserverWords(ApiserverMatch match) {
        return switch (match) {
            case MATCHES -> "lists the members";
            case DIFFERS -> "lists OTHER servers";
            case UNREADABLE -> "flag not editable";
            case NO_MANIFEST -> "no manifest";
            case NOT_A_CONTROL_PLANE -> "-";
            case UNKNOWN -> "unknown";
        };
    }
}
