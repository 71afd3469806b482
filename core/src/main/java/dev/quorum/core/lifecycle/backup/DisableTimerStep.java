package dev.quorum.core.lifecycle.backup;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.remote.RemoteHost;
import java.util.List;

/** The timer stops and no longer starts at boot; a backup already running finishes (oneshot, not killed). */
final class DisableTimerStep implements Step {
    private final BackupHosts hosts;

    DisableTimerStep(BackupHosts hosts) {
        this.hosts = hosts;
    }

    @Override
    public String title() {
        return "Stop and disable " + hosts.units().timer();
    }

    @Override
    public List<String> preview(String target) {
        return List.of("systemctl disable --now " + hosts.units().timer());
    }

    @Override
    public Check check(StepContext context) throws Exception {
        RemoteHost remote = hosts.remote(context.target());
        if (!remote.run("test -e " + hosts.units().timerFile()).ok()) {
            return Check.done("no " + hosts.units().timer() + " installed");
        }
        String enabled = remote.run("systemctl is-enabled " + hosts.units().timer() + " 2>/dev/null").stdout().strip();
        String active = remote.run("systemctl is-active " + hosts.units().timer() + " 2>/dev/null").stdout().strip();
        if ("enabled".equals(enabled) || "active".equals(active)) {
            return Check.needed(hosts.units().timer() + " is " + enabled + " and " + active);
        }
        return Check.done(hosts.units().timer() + " is " + enabled + " and " + active);
    }

    @Override
    public void apply(StepContext context) throws Exception {
        hosts.remote(context.target()).run("systemctl disable --now " + hosts.units().timer() + " 2>&1")
                .requireOk("disable " + hosts.units().timer());
    }
}
