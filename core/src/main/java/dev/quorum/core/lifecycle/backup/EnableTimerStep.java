package dev.quorum.core.lifecycle.backup;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.remote.RemoteHost;
import java.util.List;

/**
 * systemd reads the units (daemon-reload) and runs the timer from now and after every boot. A timer that was
 * already running with an older unit is restarted, so a new interval counts from now.
 */
final class EnableTimerStep implements Step {
    private final BackupHosts hosts;

    EnableTimerStep(BackupHosts hosts) {
        this.hosts = hosts;
    }

    @Override
    public String title() {
        return "Reload systemd and start " + hosts.units().timer();
    }

    @Override
    public List<String> preview(String target) {
        return List.of("systemctl daemon-reload", "systemctl enable --now " + hosts.units().timer(),
                "systemctl restart " + hosts.units().timer() + "   # when it ran with older units");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        if (hosts.reloadNeeded(context.target())) {
            return Check.needed("the units changed: systemd must reload them");
        }
        RemoteHost remote = hosts.remote(context.target());
        String enabled = remote.run("systemctl is-enabled " + hosts.units().timer() + " 2>/dev/null").stdout().strip();
        String active = remote.run("systemctl is-active " + hosts.units().timer() + " 2>/dev/null").stdout().strip();
        if (!"enabled".equals(enabled)) {
            return Check.needed(hosts.units().timer() + " is " + (enabled.isEmpty() ? "not installed" : enabled));
        }
        return "active".equals(active) ? Check.done(hosts.units().timer() + " enabled and active")
                : Check.needed(hosts.units().timer() + " is " + (active.isEmpty() ? "not active" : active));
    }

    @Override
    public void apply(StepContext context) throws Exception {
        RemoteHost remote = hosts.remote(context.target());
        boolean wasActive = remote.run("systemctl is-active --quiet " + hosts.units().timer()).ok();
        remote.run("systemctl daemon-reload 2>&1 && systemctl enable --now " + hosts.units().timer() + " 2>&1")
                .requireOk("enable " + hosts.units().timer());
        if (wasActive && hosts.reloadNeeded(context.target())) {
            remote.run("systemctl restart " + hosts.units().timer() + " 2>&1")
                    .requireOk("restart " + hosts.units().timer());
        }
        hosts.reloaded(context.target());
    }
}
