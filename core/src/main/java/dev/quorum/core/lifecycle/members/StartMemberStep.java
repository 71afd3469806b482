package dev.quorum.core.lifecycle.members;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.lifecycle.steps.HostStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
                throw notStarted(context);
            }
            context.cancellation().sleep(Duration.ofMillis(250));
        }
    }

    /** Says why, from the journal: the crash's own line, not the end of its stack trace. */
    private StepFailedException notStarted(StepContext context) throws Exception {
        String journal = remote(context).run("journalctl -u etcd -n " + EtcdStartLog.LINES + " --no-pager 2>/dev/null")
                .stdout();
        Optional<String> cause = EtcdStartLog.crashCause(journal);
        List<String> lines = journal.strip().lines().toList();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        String dataDir = session.cluster().inventory().etcd().dataDir();
        return new StepFailedException("etcd on " + context.target() + " did not become active within "
                + START_TIMEOUT.toSeconds() + " s" + cause.map(c -> ": " + c).orElse("")
                + (tail.isEmpty() ? "" : "; last log lines:\n" + tail),
                EtcdStartLog.hint(cause, context.target(), dataDir) + "; then re-run to continue, or remove the "
                        + "learner with quorum remove --member " + member(context).memberName());
    }
}
