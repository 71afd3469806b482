package dev.quorum.core.lifecycle.members;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.lifecycle.steps.HostStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.remote.Shell;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Starts etcd on the joining host (its env says {@code existing}) and waits until systemd says active.
 * A learner joining a cluster with a long log is not ready until it has applied what the leader sent
 * (etcd logs "too many requests" meanwhile), which on a busy host takes longer than a start; so the wait
 * goes on while its data directory keeps changing, and gives up only when it stands still.
 */
final class StartMemberStep extends HostStep {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(5);

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
        Instant started = Instant.now();
        Instant deadline = started.plus(START_TIMEOUT);
        String dataDirState = "";
        while (check(context).needed()) {
            if (Instant.now().isAfter(deadline)) {
                String now = dataDirState(context);
                boolean catchingUp = !now.equals(dataDirState) && Instant.now().isBefore(started.plus(CATCH_UP_LIMIT));
                if (!catchingUp) {
                    throw notStarted(context, Duration.between(started, Instant.now()));
                }
                dataDirState = now;
                deadline = Instant.now().plus(START_TIMEOUT);
                context.info("still catching up with the leader: its data directory keeps changing");
            }
            context.cancellation().sleep(Duration.ofMillis(250));
        }
    }

    /** Sizes and times of the member's files: they change while it applies what the leader sent. */
    private String dataDirState(StepContext context) throws Exception {
        String member = session.cluster().inventory().etcd().dataDir() + "/member";
        return remote(context).run("find " + Shell.quote(member) + " -type f -printf '%s %T@ %p\\n' 2>/dev/null | sort")
                .stdout();
    }

    /** Says why, from the journal: the crash's own line, not the end of its stack trace. */
    private StepFailedException notStarted(StepContext context, Duration waited) throws Exception {
        String journal = remote(context).run("journalctl -u etcd -n " + EtcdStartLog.LINES + " --no-pager 2>/dev/null")
                .stdout();
        Optional<String> cause = EtcdStartLog.crashCause(journal);
        List<String> lines = journal.strip().lines().toList();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        String dataDir = session.cluster().inventory().etcd().dataDir();
        return new StepFailedException("etcd on " + context.target() + " did not become active within "
                + waited.toSeconds() + " s" + cause.map(c -> ": " + c).orElse("")
                + (tail.isEmpty() ? "" : "; last log lines:\n" + tail),
                EtcdStartLog.hint(cause, context.target(), dataDir) + "; then re-run to continue, or remove the "
                        + "learner with quorum remove --member " + member(context).memberName());
    }
}
