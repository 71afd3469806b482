package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.lifecycle.steps.Leadership;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.lifecycle.steps.UnitState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Makes the member serve its renewed certificate and confirms it is healthy before the plan moves
 * on to the next member. etcd reads its certificate files on each new TLS connection, so usually
 * nothing needs doing; a member that still serves the old one is restarted, leadership moved away
 * first.
 */
final class ServeRenewedStep implements Step {
    private static final Duration PICK_UP = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofMillis(300);
    private static final int MIN_LOOKS = 3;

    private final RenewalRun run;

    ServeRenewedStep(RenewalRun run) {
        this.run = run;
    }

    @Override
    public String title() {
        return "Make etcd serve the new certificate and wait for the member to be healthy";
    }

    @Override
    public List<String> preview(String target) {
        // the member's own client port: 2383 for the events cluster's etcd-events (decision 0048)
        return List.of("openssl s_client -connect " + target + ":" + run.session().member(target).clientPort()
                        + " </dev/null | openssl x509 -noout -serial   # etcd re-reads its files per connection",
                "# only if it still serves the old one: etcdctl move-leader <follower> (if it leads); "
                        + "systemctl restart " + unit(),
                "etcdctl endpoint health   # before the next member");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        String host = context.target();
        if (run.mode() == RenewalMode.ALL_AT_ONCE) {
            return Check.done("the cluster has no quorum: every member restarts together after the renewal");
        }
        UnitState state = UnitState.ask(run.session().remote(host), unit());
        if (state == UnitState.UNKNOWN) {
            throw new StepFailedException("could not tell whether " + unit() + " runs on " + host
                    + " (systemctl is-active gave no state)", "check " + unit() + " on " + host + " (systemctl status "
                    + unit() + "), then re-run: the renewed files are in place");
        }
        if (state.startsAfresh()) {
            return Check.done(unit() + " is " + state.word() + " on " + host + "; it reads the new files when it starts");
        }
        List<String> stale = ServedFiles.stale(run.session(), host);
        if (!stale.isEmpty()) {
            return Check.needed("etcd does not serve the certificate in its files on port " + String.join(", ", stale));
        }
        return run.awaitingHealth(host) ? Check.needed("etcd serves the new certificate; member health not confirmed yet")
                : Check.done("etcd serves the certificate in its files");
    }

    private String unit() {
        return run.session().settings().layout().unitName();
    }

    @Override
    public void apply(StepContext context) throws Exception {
        String host = context.target();
        LifecycleSession session = run.session();
        Instant deadline = Instant.now().plus(PICK_UP);
        List<String> stale = ServedFiles.stale(session, host);
        int looks = 1;
        // by time and by count: through an SSH tunnel on a busy host one look can take most of PICK_UP
        while (!stale.isEmpty() && (Instant.now().isBefore(deadline) || looks < MIN_LOOKS)) {
            context.cancellation().sleep(POLL);
            stale = ServedFiles.stale(session, host);
            looks++;
        }
        if (stale.isEmpty()) {
            context.info("etcd on " + host + " serves the new certificate without a restart");
        } else {
            ClusterStatus before = HealthWait.probe(session);
            if (before.leader().map(l -> l.hostName().equals(host)).orElse(false)) {
                Leadership.moveAway(session, context, before, host);
            }
            context.info("etcd still serves the old certificate on " + String.join(", ", stale) + "; restarting it");
            session.remote(host).run("systemctl restart " + unit()).requireOk("restart " + unit() + " on " + host);
        }
        MemberHealth.await(session, context, host);
        run.healthy(host);
    }
}
