package dev.quorum.core.lifecycle.members;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.StartTimeoutDropIn;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.lifecycle.steps.HostStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.remote.Shell;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Starts etcd on the joining host (its env says {@code existing}) and waits until systemd says active.
 * A learner joining a cluster with a long log is not ready until it has received and applied what the leader
 * sent, which on a busy host or a thin link takes longer than a start; so the wait goes on while the same etcd
 * process keeps changing its data directory or keeps saying that it has not yet applied what is committed
 * ("too many requests"), and gives up 30 s after the last sign of progress (or after 5 minutes in all). While it
 * says so, the cluster is asked for one harmless entry ({@link SnapshotApplyNudge}): after the leader's snapshot
 * that is what etcd waits for, and a cluster nobody writes to never sends it.
 * A crash loop is no progress: each start is a new process. systemd's own start timeout is lifted for this start
 * ({@link StartTimeoutDropIn}): etcd reports ready only once caught up, and a learner killed at 90 s would start
 * from nothing again.
 */
final class StartMemberStep extends HostStep {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(5);
    // often enough that a learner whose files change only when a whole raft message has come in over a thin link
    // (up to 1 MiB, about 20 s at 400 kbit) shows two different samples well within START_TIMEOUT
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(3);
    private static final Duration SAY_EVERY = Duration.ofSeconds(10);

    StartMemberStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Start etcd on the new member";
    }

    @Override
    public List<String> preview(String target) {
        ClusterLayout layout = session.settings().layout();
        return List.of("# " + StartTimeoutDropIn.path(layout) + ": TimeoutStartSec=infinity (removed once active)",
                "systemctl daemon-reload", "systemctl start " + unit());
    }

    @Override
    public Check check(StepContext context) throws Exception {
        String state = remote(context).run("systemctl is-active " + unit()).stdout().strip();
        return "active".equals(state) ? Check.done("etcd active") : Check.needed("etcd is " + state);
    }

    @Override
    public void apply(StepContext context) throws Exception {
        ClusterLayout layout = session.settings().layout();
        remote(context).run(StartTimeoutDropIn.writeCommand(layout)).requireOk("lift the start timeout on "
                + context.target() + " (" + StartTimeoutDropIn.path(layout) + ")");
        Optional<String> limitLeft = startLimitLeft(context);
        limitLeft.ifPresent(context::warn);
        remote(context).run("systemctl reset-failed " + unit() + " 2>/dev/null; systemctl start --no-block " + unit())
                .requireOk("start etcd on " + context.target());
        waitUntilActive(context, limitLeft);
        // only once active: the timeout governs a start in progress, and a member that is still catching up when
        // this step gives up keeps the drop-in (in /run) until it is ready or the host reboots
        remote(context).run(StartTimeoutDropIn.removeCommand(layout)).requireOk("remove "
                + StartTimeoutDropIn.path(layout) + " on " + context.target());
    }

    /** What systemd will actually allow this start, read back once the drop-in is in. */
    private Optional<String> startLimitLeft(StepContext context) throws Exception {
        String shown = remote(context).run(StartTimeoutDropIn.effectiveCommand(session.settings().layout())).stdout();
        return StartTimeoutDropIn.limitLeft(context.target(), shown);
    }

    private void waitUntilActive(StepContext context, Optional<String> limitLeft) throws Exception {
        Instant started = Instant.now();
        Instant lastProgress = started;
        Instant lastSaid = Instant.MIN;
        Instant nextSample = started;
        String previous = "";
        SnapshotApplyNudge nudge = new SnapshotApplyNudge(session.cluster());
        while (check(context).needed()) {
            Instant now = Instant.now();
            if (!now.isBefore(nextSample)) {
                String sample = catchUpSample(context);
                if (catchingUp(previous, sample)) {
                    lastProgress = now;
                    if (now.isAfter(lastSaid.plus(SAY_EVERY))) {
                        context.info("still catching up with the leader: etcd runs and its data directory keeps changing");
                        lastSaid = now;
                    }
                }
                if (SnapshotApplyNudge.waitsForAnEntry(sample)) {
                    nudge.nudge(context);
                }
                previous = sample;
                nextSample = now.plus(SAMPLE_EVERY);
                // decided only right after a sample, so progress made since the last one is always seen first
                if (now.isAfter(lastProgress.plus(START_TIMEOUT)) || now.isAfter(started.plus(CATCH_UP_LIMIT))) {
                    throw notStarted(context, Duration.between(started, now), limitLeft);
                }
            }
            context.cancellation().sleep(Duration.ofMillis(250));
        }
    }

    /**
     * etcd's main PID, then the sizes and times of the member's files, then etcd's newest "too many requests"
     * line (with its own timestamp) among its last log lines. Catching up means the same process still runs and
     * one of them changed: a member that crashes and is restarted also touches its files. The log line counts
     * because a learner with a long backlog can spend many seconds applying it without its files changing
     * between two samples, while it says so in its log several times a second.
     */
    private String catchUpSample(StepContext context) throws Exception {
        String member = session.cluster().inventory().etcd().dataDir() + "/member";
        return remote(context).run("systemctl show -p MainPID --value " + unit() + "; find " + Shell.quote(member)
                + " -type f -printf '%s %T@ %p\\n' 2>/dev/null | sort; " + SnapshotApplyNudge.journalCommand(unit())).stdout();
    }

    static boolean catchingUp(String previous, String now) {
        String pid = now.lines().findFirst().orElse("").strip();
        boolean running = !pid.isEmpty() && !"0".equals(pid);
        boolean sameProcess = pid.equals(previous.lines().findFirst().orElse("").strip());
        return running && sameProcess && !previous.equals(now);
    }

    /** Says why, from the journal: the crash's own line, not the end of its stack trace. */
    private StepFailedException notStarted(StepContext context, Duration waited, Optional<String> limitLeft)
            throws Exception {
        String journal = remote(context).run("journalctl -u " + unit() + " -n " + EtcdStartLog.LINES + " --no-pager 2>/dev/null")
                .stdout();
        Optional<String> cause = EtcdStartLog.crashCause(journal);
        List<String> lines = journal.strip().lines().toList();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        String dataDir = session.settings().dataDir();
        return new StepFailedException("etcd on " + context.target() + " did not become active within "
                + waited.toSeconds() + " s" + cause.map(c -> ": " + c).orElse("")
                + (tail.isEmpty() ? "" : "; last log lines:\n" + tail) + limitLeft.map(l -> "\n" + l).orElse(""),
                EtcdStartLog.hint(cause, context.target(), dataDir, session.settings().layout()) + "; then re-run to continue, or remove the "
                        + "learner with quorum remove --member " + member(context).memberName());
    }

    private String unit() {
        return session.settings().layout().unitName();
    }
}
