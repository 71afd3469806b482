package dev.quorum.core.lifecycle.disaster;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.remote.CommandResult;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code etcdctl snapshot restore} with this member's name and peer URL, the full initial cluster
 * and the restore's token, into a scratch dir that is renamed to the data dir only when complete
 * (with the marker inside): an interrupted restore leaves no half data dir for etcd to start on.
 */
final class RestoreDataStep extends RestoreHostStep {
    private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(15);

    RestoreDataStep(RestoreSession restore) {
        super(restore);
    }

    @Override
    public String title() {
        return "Restore the snapshot into each member's data dir (etcdctl snapshot restore)";
    }

    @Override
    public List<String> preview(String target) {
        String token = restore.snapshotKnown() ? tokenOrPlaceholder() : "<token>-restored-<time>";
        return List.of(command(session.member(target), "/var/tmp/quorum-restore-<sha256>.db", token,
                restore.dataDir() + ".restoring"), "mv " + restore.dataDir() + ".restoring " + restore.dataDir());
    }

    private String tokenOrPlaceholder() {
        try {
            return restore.token();
        } catch (IllegalStateException notChosenYet) {
            return "<token>-restored-<time>";
        }
    }

    private String command(EtcdMember member, String snapshot, String token, String into) {
        return "ETCDCTL_API=3 " + Shell.quote(restore.etcdctl()) + " snapshot restore " + Shell.quote(snapshot)
                + " --name " + Shell.quote(member.memberName())
                + " --initial-cluster " + Shell.quote(restore.initialCluster())
                + " --initial-cluster-token " + Shell.quote(token)
                + " --initial-advertise-peer-urls " + Shell.quote(member.peerUrl())
                + " --data-dir " + Shell.quote(into)
                + (restore.skipHashCheck() ? " --skip-hash-check" : "");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        Optional<Check> done = alreadyRestored(context);
        return done.orElseGet(() -> Check.needed("the data dir does not hold this snapshot yet"));
    }

    @Override
    public void apply(StepContext context) throws Exception {
        RemoteHost remote = remote(context);
        EtcdMember member = member(context);
        String data = restore.dataDir();
        String scratch = data + ".restoring";
        RestoreMarker marker = new RestoreMarker(restore.sha256(), restore.token(), member.memberName(),
                restore.initialCluster(),
                Instant.now().toString(), "");
        // The scratch dir is only ever this step's own unfinished output: safe to start it afresh.
        remote.run("rm -rf " + Shell.quote(scratch)).requireOk("clear " + scratch);
        CommandResult restored = remote.run(command(member, restore.remoteSnapshot(), restore.token(), scratch) + " 2>&1",
                RESTORE_TIMEOUT);
        if (!restored.ok()) {
            throw new StepFailedException("etcdctl snapshot restore failed on " + context.target() + ": "
                    + tail(restored.stdout()), "nothing was started; fix the cause and re-run (done steps are skipped)");
        }
        remote.write(marker.render().getBytes(StandardCharsets.UTF_8), RestoreMarker.path(scratch), "0600");
        String finish = String.join(" && ", "set -e",
                "if [ -d " + Shell.quote(data) + " ]; then rmdir " + Shell.quote(data) + "; fi",
                "mv " + Shell.quote(scratch) + " " + Shell.quote(data),
                "chmod 700 " + Shell.quote(data),
                "rm -f " + Shell.quote(restore.remoteSnapshot()));
        remote.run(finish).requireOk("put the restored data dir in place (" + data + " must be empty or absent)");
        context.info("restored as " + member.memberName() + " " + member.peerUrl());
    }

    private static String tail(String output) {
        String[] lines = output.strip().split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 3), lines.length));
    }
}
