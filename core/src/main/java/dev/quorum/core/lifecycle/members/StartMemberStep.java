package dev.quorum.core.lifecycle.members;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.lifecycle.steps.HostStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Starts etcd on the joining host (its env says {@code existing}) and waits until systemd says active. */
final class StartMemberStep extends HostStep {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    StartMemberStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Start etcd on the new member";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("systemctl start etcd");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        String state = remote(context).run("systemctl is-active etcd").stdout().strip();
        return "active".equals(state) ? Check.done("etcd active") : Check.needed("etcd is " + state);
    }

    @Override
    public void apply(StepContext context) throws Exception {
        remote(context).run("systemctl reset-failed etcd 2>/dev/null; systemctl start --no-block etcd")
                .requireOk("start etcd on " + context.target());
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (check(context).needed()) {
            if (Instant.now().isAfter(deadline)) {
                String log = remote(context).run("journalctl -u etcd -n 5 --no-pager 2>/dev/null").stdout().strip();
                throw new StepFailedException("etcd on " + context.target() + " did not become active within "
                        + START_TIMEOUT.toSeconds() + " s" + (log.isEmpty() ? "" : "; last log lines:\n" + log),
                        "check that " + context.target() + " reaches the other members on port 2380; re-run to "
                                + "continue, or remove the learner with quorum remove --member "
                                + member(context).memberName());
            }
            context.cancellation().sleep(Duration.ofMillis(250));
        }
    }
}
