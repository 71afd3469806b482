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
        return "Reload systemd and enable " + unit();
    }

    @Override
    public List<String> preview(String target) {
        return List.of("systemctl daemon-reload", "systemctl enable " + unit());
    }

    @Override
    public Check check(StepContext context) throws Exception {
        if (session.reloadNeeded(context.target())) {
            return Check.needed("the unit changed: systemd must reload it");
        }
        // this run's preflight asked already (decision 0052): only this run's unit step changes the unit, and
        // that is the reload above; any other answer is asked again
        boolean enabledAtPreflight = session.facts(context.target()).map(HostFacts::unitEnabled)
                .filter("enabled"::equals).isPresent();
        String enabled = enabledAtPreflight ? "enabled"
                : remote(context).run("systemctl is-enabled " + unit() + " 2>/dev/null").stdout().strip();
        return "enabled".equals(enabled) ? Check.done(unit() + " enabled")
                : Check.needed(enabled.isEmpty() ? "no " + unit() + " service yet" : unit() + " is " + enabled);
    }

    @Override
    public void apply(StepContext context) throws Exception {
        remote(context).run("systemctl daemon-reload && systemctl enable " + unit() + " 2>&1").requireOk("enable " + unit());
        session.reloaded(context.target());
    }

    private String unit() {
        return session.settings().layout().unitName();
    }
}
