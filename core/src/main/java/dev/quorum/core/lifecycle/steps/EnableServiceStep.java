package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** systemd must read a new or changed unit (daemon-reload) and start etcd at boot (enable). */
public final class EnableServiceStep extends HostStep {
    private static final String ENABLED_MARK = "quorum-is-enabled=";
    /** What systemd said right after this run's reload and enable on a host, in the same exchange (issue 18). */
    private final Map<String, String> enabledAfterApply = new ConcurrentHashMap<>();

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

    /**
     * Reload, enable, then ask systemd whether the unit is enabled, in one exchange: the verification below reads that
     * answer instead of asking again (decision 0061). A failed reload or enable fails here, as before.
     */
    @Override
    public void apply(StepContext context) throws Exception {
        String out = remote(context).run("systemctl daemon-reload && systemctl enable " + unit() + " 2>&1 && echo "
                + ENABLED_MARK + "$(systemctl is-enabled " + unit() + " 2>/dev/null)").requireOk("enable " + unit())
                .stdout();
        session.reloaded(context.target());
        out.lines().filter(line -> line.startsWith(ENABLED_MARK)).reduce((first, last) -> last)
                .ifPresent(line -> enabledAfterApply.put(context.target(), line.substring(ENABLED_MARK.length()).strip()));
    }

    /** Done when systemd, asked right after the enable, said the unit is enabled; without that answer, asked again. */
    @Override
    public void verify(StepContext context) throws Exception {
        String answer = enabledAfterApply.remove(context.target());
        Check after = answer == null ? check(context)
                : "enabled".equals(answer) ? Check.done(unit() + " enabled")
                : Check.needed(unit() + " is " + (answer.isEmpty() ? "not known to systemd" : answer)
                        + " right after systemctl enable");
        if (after.needed()) {
            throw new StepFailedException("the change did not take effect: " + after.reason());
        }
    }

    private String unit() {
        return session.settings().layout().unitName();
    }
}
