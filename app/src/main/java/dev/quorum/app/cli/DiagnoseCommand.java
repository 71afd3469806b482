package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.recover.Diagnoser;
import dev.quorum.core.lifecycle.recover.Diagnosis;
import dev.quorum.core.lifecycle.backup.BackupHealth;
import dev.quorum.core.lifecycle.backup.BackupOverview;
import dev.quorum.core.lifecycle.recover.Verdict;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "diagnose", description = {"Ask every host what it sees: service, own status, leader, peers it "
        + "reaches, data dir, recent log; then say in one sentence what is going on and what to do.",
        "Stale or failed scheduled backups are shown with what to do.",
        "Exit status 0 when healthy, 1 when degraded, quorum is lost, or the backups are stale or failed."})
final class DiagnoseCommand extends ClusterCommand {
    /** A host that does not answer SSH within this is reported unreachable: diagnosis must be quick. */
    static final Duration SSH_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    @Option(names = "--json", description = "Print one JSON object: verdict, members, connectivity, actions.")
    boolean json;

    @Override
    public Integer call() {
        Diagnosis diagnosis;
        BackupHealth backups;
        try (ClusterSession session = cluster.openExisting(SSH_CONNECT_TIMEOUT)) {
            // as recover spells it: with --cluster events, the commands recommended act on the events cluster too
            diagnosis = new Diagnoser(session).diagnose(cluster.inventory + cluster.clusterArgument());
            backups = BackupOverview.read(session).health();
        }
        var out = out();
        if (json) {
            out.println(DiagnosisJson.render(diagnosis, backups));
        } else {
            DiagnosisText.print(diagnosis, out);
            BackupHealthText.print(backups, cluster.inventory.toString(), cluster.clusterLayout(), out);
        }
        out.flush();
        return diagnosis.verdict() == Verdict.HEALTHY && !backups.status().needsAttention() ? ExitCodes.OK
                : ExitCodes.FAILED;
    }
}
