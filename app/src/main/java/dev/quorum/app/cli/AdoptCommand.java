package dev.quorum.app.cli;

import dev.quorum.core.certinventory.CertificateInventory;
import dev.quorum.core.certinventory.InventoryReport;
import dev.quorum.core.certinventory.WorkstationStore;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.lifecycle.adopt.AdoptPlans;
import dev.quorum.core.lifecycle.adopt.AdoptRequest;
import dev.quorum.core.pki.CertificateInspector;
import dev.quorum.core.pki.ProblemCode;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "adopt",
        description = {"Take over a cluster Kubespray installed (host deployment); etcd itself is not touched.",
                "Checks each host's /etc/etcd.env against the inventory, imports the CA (ca.pem, "
                        + "ca-key.pem) from the first etcd host into this workstation's store (asks first), "
                        + "verifies Quorum reaches etcd.",
                "With etcd_events_cluster_enabled, the events cluster is adopted too: "
                        + "/etc/etcd-events.env and etcd-events.service checked before the CA is imported, Quorum "
                        + "reaching it verified; --cluster events runs this same adoption of both clusters."})
final class AdoptCommand extends ClusterChangeCommand {
    @Option(names = "--remove-ca-from-hosts",
            description = "Afterwards delete ca-key.pem from every etcd host (only once this workstation holds the "
                    + "same key). A later Kubespray run would then create a NEW CA: run Kubespray with the key put back.")
    boolean removeCaKey;

    @Override
    public Integer call() {
        try (ClusterSession session = cluster.openCoveringBoth(out(), false)) {
            Plan plan = AdoptPlans.adopt(session, new AdoptRequest(removeCaKey));
            var out = out();
            PlanExecution execution = new PlanExecution(out, session.home());
            if (change.planOnly) {
                return execution.preview(plan);
            }
            int exit = execution.apply(plan, change.yes);
            if (exit == ExitCodes.OK && session.hasPki()) {
                out.println("Adopted. See it with: quorum status -i " + cluster.inventory + "   and its certificates with: "
                        + "quorum certs -i " + cluster.inventory);
                if (session.inventory().eventsCluster().isPresent()) {
                    out.println("The events cluster too: quorum status -i " + cluster.inventory + " --cluster events");
                }
                if (offerCaKeyRemoval(session, out)) {
                    exit = execution.apply(AdoptPlans.adopt(session, AdoptRequest.removeCaKey()), true);
                }
            }
            return exit;
        }
    }

    /**
     * Says where the CA key is still kept on hosts and how to remove it; at a terminal (without
     * --yes) asks whether to remove it now. True when the user said yes.
     */
    private boolean offerCaKeyRemoval(ClusterSession session, java.io.PrintWriter out) {
        if (removeCaKey) {
            return false;
        }
        InventoryReport report = new CertificateInventory(session.inventory(), session::remote,
                CertificateInspector.DEFAULT_WARN, Clock.systemUTC())
                .collect(WorkstationStore.read(session.home().pki(session.inventory().clusterName())));
        var hosts = report.certificates().stream().filter(r -> r.has(ProblemCode.CA_KEY_ON_HOST))
                .map(r -> r.host()).distinct().toList();
        if (!hosts.isEmpty()) {
            out.println("The CA private key is still on " + String.join(", ", hosts) + " (Kubespray's habit): anyone "
                    + "who can read it there can issue certificates etcd trusts. Remove it with:");
            out.println("  quorum adopt -i " + cluster.inventory + " --remove-ca-from-hosts");
            out.println("(put it back before running Kubespray's etcd role again, or Kubespray makes a new CA)");
            return !change.yes && System.console() != null
                    && Confirmation.ask(out, "Remove ca-key.pem from " + String.join(", ", hosts) + " now?");
        }
        return false;
    }
}
