package dev.quorum.core.lifecycle.backup;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.remote.RemoteHost;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts the scheduled job now, as the timer does ({@code systemctl start}, which waits for a oneshot to
 * end), then reads the service's result; a failed run reports the script's own reason.
 */
final class RunBackupStep implements Step {
    private final BackupHosts hosts;
    private final Map<String, Instant> started = new ConcurrentHashMap<>();

    RunBackupStep(BackupHosts hosts) {
        this.hosts = hosts;
    }

    @Override
    public String title() {
        return "Run " + hosts.units().service() + " now";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("systemctl start " + hosts.units().service(),
                "systemctl show -p Result,ExecMainStatus " + hosts.units().service());
    }

    @Override
    public Check check(StepContext context) throws Exception {
        RemoteHost remote = hosts.remote(context.target());
        if (!remote.run("test -x " + hosts.units().script() + " && test -e " + hosts.units().serviceFile()).ok()) {
            throw new StepFailedException("no backup schedule on " + context.target(),
                    "install it first: quorum backup schedule -i INVENTORY --every 1h --keep 24");
        }
        return Check.needed("a run takes a new snapshot");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        RemoteHost remote = hosts.remote(context.target());
        started.put(context.target(), Instant.ofEpochSecond(Long.parseLong(
                remote.run("date -u +%s").requireOk("read the host's clock").stdout().strip())));
        remote.run("systemctl start " + hosts.units().service() + " 2>&1", java.time.Duration.ofMinutes(10));
        ServiceResult result = ServiceResult.parse(remote.run("systemctl show -p Result,ExecMainStatus "
                + hosts.units().service()).stdout());
        if (!result.succeeded()) {
            String reason = remote.run("journalctl -u " + hosts.units().service()
                    + " -n 200 --no-pager -o cat 2>/dev/null | grep 'quorum-backup: ' | tail -n 1").stdout().strip();
            throw new StepFailedException("the backup on " + context.target() + " failed (" + result + "): "
                    + (reason.isEmpty() ? "no reason logged" : reason.substring(reason.indexOf("quorum-backup: ")
                    + "quorum-backup: ".length())), "fix the cause, then run quorum backup run again; "
                    + "journalctl -u " + hosts.units().service() + " on the host shows the whole run");
        }
    }

    @Override
    public void verify(StepContext context) throws Exception {
        HostBackups backups = BackupList.read(hosts.cluster(), context.target());
        Instant since = started.getOrDefault(context.target(), Instant.EPOCH);
        BackupEntry newest = backups.newest().filter(b -> b.time().map(t -> !t.isBefore(since)).orElse(false))
                .orElseThrow(() -> new StepFailedException("the run on " + context.target()
                        + " ended well but left no new backup" + backups.unknown().map(u -> " (" + u + ")").orElse(""),
                        "look at journalctl -u " + hosts.units().service() + " on the host"));
        if (!newest.verified()) {
            throw new StepFailedException("the new backup " + newest.location() + " is not verified: "
                    + newest.problem().orElse("?"),
                    "look at journalctl -u " + hosts.units().service() + " on the host");
        }
        context.info(newest.location() + ": revision " + newest.revision() + ", " + newest.size() + " bytes, sha256 "
                + newest.sha256());
    }
}
