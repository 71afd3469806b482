package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.lifecycle.certs.CertPlans;
import dev.quorum.core.lifecycle.certs.RenewalRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "renew",
        description = {"Re-issue member, admin and node certificates that are expired, expiring, from another CA,",
                "with wrong SANs or keys, from the cluster CA on this workstation; then one member at a time:",
                "new files (old ones kept in /var/backups/quorum), etcd serving them (restart only where needed),",
                "member healthy before the next. Without quorum (expired certificates) all members restart together."})
final class CertsRenewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    ChangeOptions change;

    @Option(names = "--member", paramLabel = "NAME", description = "Only this etcd host or member.")
    String member;

    @Option(names = "--all", description = "Re-issue every member, admin and node certificate, even valid ones.")
    boolean all;

    @Option(names = "--warn-days", paramLabel = "DAYS", defaultValue = "30",
            description = "Renew certificates expiring within this many days (default: ${DEFAULT-VALUE}).")
    int warnDays;

    @Override
    public Integer call() {
        if (warnDays < 0) {
            throw new UserError("--warn-days must not be negative: " + warnDays, "give a number of days, e.g. 30");
        }
        try (ClusterSession session = cluster.open()) {
            Plan plan = CertPlans.renew(session, new RenewalRequest(Optional.ofNullable(member), all,
                    Duration.ofDays(warnDays)));
            PlanExecution execution = new PlanExecution(spec.commandLine().getOut(), session.home());
            return change.planOnly ? execution.preview(plan) : execution.apply(plan, change.yes);
        }
    }
}
