package dev.quorum.core.lifecycle.backup;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.remote.CommandResult;
import dev.quorum.core.remote.Shell;
import java.util.ArrayList;
import java.util.List;

/**
 * Before any host changes: every member's host answers over SSH and has what the script uses (etcdctl, the
 * admin certificate) and a running etcd. A host that cannot be asked is unknown, and unknown refuses: a
 * schedule installed on some members only would look like backups that are not there.
 */
final class BackupHostsGuardStep implements Step {
    private final BackupHosts hosts;
    private final String purpose;
    private final boolean needEtcd;

    BackupHostsGuardStep(BackupHosts hosts, String purpose, boolean needEtcd) {
        this.hosts = hosts;
        this.purpose = purpose;
        this.needEtcd = needEtcd;
    }

    @Override
    public String title() {
        return "Check every member's host can be " + purpose;
    }

    @Override
    public List<String> preview(String target) {
        return List.of("ssh HOST true" + (needEtcd ? " && systemctl is-active " + hosts.units().etcdUnit()
                + " && test -x etcdctl -a -r admin cert" : "")
                + "   # on " + String.join(", ", hosts.hostNames()));
    }

    @Override
    public Check check(StepContext context) throws Exception {
        List<String> problems = new ArrayList<>();
        for (EtcdMember member : hosts.members()) {
            context.cancellation().throwIfCancelled();
            problems.addAll(problems(member));
        }
        if (!problems.isEmpty()) {
            throw new StepFailedException(String.join("; ", problems),
                    "every member's host must be reachable and run etcd; fix it (quorum status, quorum diagnose) "
                            + "and run the same command again");
        }
        return Check.done(hosts.members().size() + " member hosts answer" + (needEtcd ? " with etcd running" : ""));
    }

    private List<String> problems(EtcdMember member) {
        String host = member.hostName();
        CommandResult result;
        try {
            result = hosts.remote(host).run(needEtcd ? readiness(member) : "true");
        } catch (Exception e) {
            return List.of(host + " is unknown: cannot be reached over SSH (" + e.getMessage() + ")");
        }
        if (!needEtcd || result.ok()) {
            return List.of();
        }
        String reason = result.stdout().strip();
        return List.of(host + ": " + (reason.isEmpty() ? "not ready (" + result.stderrTail() + ")" : reason));
    }

    private String readiness(EtcdMember member) {
        var settings = hosts.cluster().inventory().etcd();
        String etcdctl = Shell.quote(settings.binDir() + "/etcdctl");
        String cert = Shell.quote(settings.certDir() + "/admin-" + member.hostName() + ".pem");
        String unit = hosts.units().etcdUnit();
        return "systemctl is-active --quiet " + unit + " || { echo '" + unit + " is not running'; exit 1; }; "
                + "test -x " + etcdctl + " || { echo 'no etcdctl at '" + etcdctl + "; exit 1; }; "
                + "test -r " + cert + " || { echo 'no admin certificate '" + cert + "; exit 1; }";
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("a guard only checks");
    }

    static PlannedStep on(BackupHosts hosts, String purpose, boolean needEtcd) {
        return PlannedStep.onCluster(new BackupHostsGuardStep(hosts, purpose, needEtcd));
    }
}
