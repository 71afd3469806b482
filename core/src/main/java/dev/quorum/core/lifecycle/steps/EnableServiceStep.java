package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import java.util.List;

/** systemd must read a new or changed unit (daemon-reload) and start etcd at boot (enable). */
public final class EnableServiceStep extends HostStep {

    public EnableServiceStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Reload systemd and enable etcd";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("systemctl daemon-reload", "systemctl enable etcd");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        if (session.reloadNeeded(context.target())) {
            return Check.needed("the unit changed: systemd must reload it");
        }
        String enabled = remote(context).run("systemctl is-enabled etcd 2>/dev/null").stdout().strip();
        return "enabled".equals(enabled) ? Check.done("etcd enabled")
                : Check.needed(enabled.isEmpty() ? "no etcd service yet" : "etcd is " + enabled);
    }

    @Override
    public void apply(StepContext context) throws Exception {
        remote(context).run("systemctl daemon-reload && systemctl enable etcd 2>&1").requireOk("enable etcd");
        session.reloaded(context.target());
    }
}
