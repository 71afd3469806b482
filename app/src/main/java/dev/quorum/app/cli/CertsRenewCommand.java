package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.lifecycle.renew.CertPlans;
import dev.quorum.core.lifecycle.renew.RenewalRequest;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "renew",
        description = {"Re-issue the member, admin and node certificates that need it, from the cluster CA on "
                        + "this workstation.",
                "Those expired, expiring, from another CA or with wrong SANs or keys; then one member at "
                        + "a time: new files (old ones kept in /var/backups/quorum), etcd serving them (restart "
                        + "only where needed), member healthy before the next. Without quorum (expired "
                        + "certificates) all members restart together.",
                "Without --member, the node certificates of the Kubernetes hosts (k8s_cluster) are "
                        + "renewed too; one that cannot be reached is named, with what to do, and does not stop the "
                        + "renewal.",
                "With etcd_events_cluster_enabled, each host's etcd-events (which reads the same files) "
                        + "serves them too before the next host; --cluster events runs this same renewal of both "
                        + "clusters."})
final class CertsRenewCommand extends ClusterChangeCommand {
    @Option(names = "--member", paramLabel = "NAME", description = "Only this etcd host or member.")
    String member;

    @Option(names = "--all", description = "Re-issue every member, admin and node certificate, even valid ones.")
    boolean all;

    @Mixin
    WarnDaysOption warnDays;

    @Override
    public Integer call() {
        Duration warning = warnDays.window();
        try (ClusterSession session = cluster.openCoveringBoth(out(), false)) {
            Plan plan = CertPlans.renew(session, new RenewalRequest(Optional.ofNullable(member), all, warning));
            PlanExecution execution = new PlanExecution(out(), session.home());
            return execution.run(plan, change, () -> { });
        }
    }
}
