package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.ServedVersions;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.HostStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.remote.Shell;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Before the first member goes to 3.6: each 3.5 member restarted once on its own binary, after the cluster speaks
 * 3.5, so it registers itself again, now in the v3 store. 3.6 reads membership from the v3 store only; a member
 * that last registered while the cluster still spoke 3.4 (a quick 3.4 -> 3.5 -> 3.6) is missing there, and the
 * first 3.6 member took the 3.5 leader for removed and stopped it (seen on lab hosts). etcd's own advice for
 * 3.5 -> 3.6 is this full restart on 3.5 first. A marker in the data dir makes a re-run skip what is done.
 */
final class ReRegisterStep extends HostStep {
    static final String MARKER = "quorum-registered-on-3.5";
    private static final Duration CLUSTER_VERSION_WAIT = Duration.ofSeconds(30);

    ReRegisterStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Restart each 3.5 member once so it registers in the v3 store that 3.6 reads membership from";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("curl --cacert ... https://" + session.member(target).address() + ":2379/version"
                        + "   # etcdcluster 3.5.0 first",
                "etcdctl move-leader <a healthy follower>   # only if it leads",
                "systemctl restart etcd   # on its own 3.5 binary, then healthy and caught up");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        EtcdVersion running = MemberRestart.runningVersion(session, member(context));
        if (!"3.5".equals(running.line())) {
            return Check.done(member(context).memberName() + " runs " + running + ": nothing to register on 3.5");
        }
        return remote(context).run("test -f " + Shell.quote(marker())).ok()
                ? Check.done(member(context).memberName() + " registered on " + running + " already")
                : Check.needed(member(context).memberName() + " has not restarted on 3.5 since the cluster spoke 3.5");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        EtcdMember member = member(context);
        EtcdVersion running = MemberRestart.runningVersion(session, member);
        awaitClusterVersion35(context, member);
        MemberRestart.restart(session, context, member, running);
        remote(context).run("touch " + Shell.quote(marker())).requireOk("mark " + member.memberName() + " registered");
    }

    private String marker() {
        return session.settings().dataDir() + "/" + MARKER;
    }

    /** The leader raises the cluster version a few seconds after the last member runs 3.5. */
    private void awaitClusterVersion35(StepContext context, EtcdMember member) throws Exception {
        Instant deadline = Instant.now().plus(CLUSTER_VERSION_WAIT);
        Optional<EtcdVersion> cluster = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            ServedVersions served = session.cluster().sharedEtcd().versions(member.clientUrl())
                    .get(5, TimeUnit.SECONDS);
            cluster = served.cluster();
            if (cluster.map(v -> "3.5".equals(v.line())).orElse(false)) {
                return;
            }
            context.cancellation().sleep(Duration.ofMillis(500));
        }
        throw new StepFailedException("the cluster version is " + cluster.map(EtcdVersion::line).orElse("not decided")
                + ", not 3.5, " + CLUSTER_VERSION_WAIT.toSeconds() + " s after every member runs 3.5",
                "check quorum status: every member must run 3.5 and be healthy; then run the same command again");
    }
}
