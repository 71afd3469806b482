package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.lifecycle.renew.CertPlans;
import dev.quorum.core.lifecycle.renew.RotateCaRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rotate-ca",
        description = {"Replace the cluster CA without losing quorum.",
                "New CA and trust bundle on this workstation; each host trusts old+new (one restart "
                        + "each); every certificate re-issued from the new CA and rolled; this workstation "
                        + "switches; each host trusts the new CA alone (one restart each). Old CA kept aside.",
                "Kubernetes hosts (k8s_cluster) get the bundle in ca.pem and their system trust first, "
                        + "node certificates from the new CA after the members, the new CA alone last. A Kubernetes "
                        + "host that cannot be reached stops the rotation before members serve the new CA, unless "
                        + "--accept-unreached-kubernetes-hosts names it.",
                "kube-apiserver loads its CA file only at start: run --trust-only, restart it on each "
                        + "control plane, then run again. Other etcd clients outside the inventory must trust the "
                        + "bundle before the roll: --prepare.",
                "With etcd_events_cluster_enabled, each host's etcd-events restarts onto each trust "
                        + "change and serves the new certificates right after its etcd; --cluster events runs this "
                        + "same rotation of both clusters.",
                "When the CA has expired (no member accepts another, quorum lost or about to be): every host "
                        + "gets the old+new trust and certificates from the new CA without a restart, this "
                        + "workstation switches, every member restarts together, then each host drops the old CA "
                        + "one at a time. quorum diagnose points here when a member's CA file has expired."})
final class CertsRotateCaCommand extends ClusterChangeCommand {
    @Option(names = "--prepare", description = "Only make the new CA and the trust bundle; change no host.")
    boolean prepare;

    @Option(names = "--trust-only", description = "Stop once every host (Kubernetes hosts included) trusts the old "
            + "and the new CA, before any certificate changes. kube-apiserver reads its --etcd-cafile only when it "
            + "starts: restart it on each control plane now, then run rotate-ca again without this option.")
    boolean trustOnly;

    @Option(names = "--accept-unreached-kubernetes-hosts", paramLabel = "HOST", split = ",",
            description = {"Go on although these Kubernetes hosts cannot be reached: they keep the old CA and "
                            + "their old node certificate, so they are cut off etcd (kube-apiserver there fails) "
                            + "until quorum install runs again."})
    List<String> acceptUnreached = new ArrayList<>();

    @Override
    public Integer call() {
        try (ClusterSession session = cluster.openCoveringBoth(out(), true)) {
            for (String host : acceptUnreached) {
                if (!session.inventory().kubernetesOnlyHosts().contains(host)) {
                    throw new UserError(host + " is not a Kubernetes host outside the etcd group of the inventory",
                            "name hosts of k8s_cluster that are not etcd members: "
                                    + String.join(", ", session.inventory().kubernetesOnlyHosts()));
                }
            }
            RotateCaRequest request = new RotateCaRequest(prepare, Set.copyOf(acceptUnreached), trustOnly);
            Plan plan = CertPlans.rotateCa(session, request);
            PlanExecution execution = new PlanExecution(out(), session.home());
            int exit = change.planOnly ? execution.preview(plan) : execution.apply(plan, change.yes);
            if (exit == ExitCodes.OK && request.trustOnly() && !request.prepareOnly() && !change.planOnly) {
                out().println("Every host trusts the old and the new CA. Restart kube-apiserver on each control plane, "
                        + "one at a time, so it loads the bundle, then run: quorum certs rotate-ca -i " + cluster.inventory);
            }
            if (exit == ExitCodes.OK && request.prepareOnly() && !change.planOnly) {
                out().println("Kubernetes hosts of the inventory get the bundle from the rotation itself. Give every "
                        + "other etcd client the bundle "
                        + session.pki().directory().resolve("trust-bundle.pem") + " as its CA file, then run: "
                        + "quorum certs rotate-ca -i " + cluster.inventory);
            }
            return exit;
        }
    }
}
