package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.lifecycle.renew.CertPlans;
import dev.quorum.core.lifecycle.renew.RotateCaRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rotate-ca",
        description = {"Replace the cluster CA without losing quorum: new CA and trust bundle on this workstation;",
                "each host trusts old+new (one restart each); every certificate re-issued from the new CA and rolled;",
                "this workstation switches; each host trusts the new CA alone (one restart each). Old CA kept aside.",
                "Other etcd clients (kube-apiserver) must trust the bundle before the roll: use --prepare first."})
final class CertsRotateCaCommand extends ClusterChangeCommand {
    @Option(names = "--prepare", description = "Only make the new CA and the trust bundle; change no host.")
    boolean prepare;

    @Override
    public Integer call() {
        try (ClusterSession session = cluster.openExisting()) {
            RotateCaRequest request = new RotateCaRequest(prepare);
            Plan plan = CertPlans.rotateCa(session, request);
            PlanExecution execution = new PlanExecution(out(), session.home());
            int exit = change.planOnly ? execution.preview(plan) : execution.apply(plan, change.yes);
            if (exit == ExitCodes.OK && request.prepareOnly() && !change.planOnly) {
                out().println("Give every other etcd client the bundle "
                        + session.pki().directory().resolve("trust-bundle.pem") + " as its CA file, then run: "
                        + "quorum certs rotate-ca -i " + cluster.inventory);
            }
            return exit;
        }
    }
}
