package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.ServedVersions;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.HostStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Before the first member goes to the next minor: each member restarted once on its own binary with
 * ETCD_SNAPSHOT_COUNT=1, after the cluster speaks its line, so that it takes a raft snapshot (as Kubespray v2.31 does
 * before 3.6). The new minor then starts from that snapshot instead of replaying the WAL from the cluster's birth,
 * which broke two hops on lab hosts (decision 0067):
 * <ul>
 * <li>3.4 -> 3.5: a 3.4 member that never wrote a key never saved its consistent index, so 3.5 re-applies the
 * cluster's first membership entries to its v3 store; after the first one, etcd 3.5.26+'s zombie-member cleanup finds
 * the other members in the v3 store but not yet in the v2 store and marks them removed. The next entries add them back,
 * the marks stay, and 3.6, which reads membership from the v3 store, refuses them as removed peers and makes them stop.
 * The snapshot on 3.4 saves the consistent index, and the replay starts after those entries.</li>
 * <li>3.5 -> 3.6 -> 3.7 with fewer than 10000 writes: etcd 3.7.1 panics on 3.5's WAL entries ("unmarshal should
 * never fail"). With a steady writer (a snapshot every 10000 entries) the same chain went through.</li>
 * </ul>
 * The env file goes back to its own contents right after the restart (the next restart is the upgrade's, with the env
 * rendered for the target), so a rollback keeps the original. A marker in the data dir makes a re-run skip what is
 * done.
 */
final class SnapshotBeforeHopStep extends HostStep {
    private static final Duration CLUSTER_VERSION_WAIT = Duration.ofSeconds(30);
    /** The line every member runs now, one minor below the target. */
    private final String from;

    SnapshotBeforeHopStep(LifecycleSession session, EtcdVersion target) {
        super(session);
        this.from = target.major() + "." + (target.minor() - 1);
    }

    @Override
    public String title() {
        return "Restart each " + from + " member once with ETCD_SNAPSHOT_COUNT=1: a snapshot for the next minor to "
                + "start from";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("curl --cacert ... " + session.member(target).clientUrl() + "/version"
                        + "   # etcdcluster " + from + ".0 first",
                "sed -i 's/^ETCD_SNAPSHOT_COUNT=.*/ETCD_SNAPSHOT_COUNT=1/' " + envFile(),
                "etcdctl move-leader <a healthy follower>   # only if it leads",
                "systemctl restart " + session.settings().layout().unitName() + "   # on its own " + from
                        + " binary, then healthy and caught up",
                "install -m 0640 <the env file as it was> " + envFile() + "   # no restart",
                "ls -t " + session.settings().dataDir() + "/member/snap/*.snap | head -1   # a new snapshot");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        EtcdVersion running = MemberRestart.runningVersion(session, member(context));
        if (!from.equals(running.line())) {
            return Check.done(member(context).memberName() + " runs " + running + ": no snapshot to take on " + from);
        }
        return remote(context).run("test -f " + Shell.quote(marker())).ok()
                ? Check.done(member(context).memberName() + " took its snapshot on " + running + " already")
                : Check.needed(member(context).memberName() + " has taken no snapshot since the cluster spoke " + from);
    }

    @Override
    public void apply(StepContext context) throws Exception {
        EtcdMember member = member(context);
        RemoteHost remote = remote(context);
        EtcdVersion running = MemberRestart.runningVersion(session, member);
        awaitClusterVersion(context, member);
        String original = ManagedFiles.read(remote, envFile()).orElseThrow(() -> new StepFailedException(
                envFile() + " is missing on " + context.target(), "run quorum install first"));
        String once = original.replaceAll("(?m)^ETCD_SNAPSHOT_COUNT=.*$", "ETCD_SNAPSHOT_COUNT=1");
        once = once.matches("(?sm).*^ETCD_SNAPSHOT_COUNT=1$.*") ? once : once + "ETCD_SNAPSHOT_COUNT=1\n";
        String before = newestSnapshot(remote);
        ManagedFiles.replace(remote, envFile(), once, "0640");
        try {
            MemberRestart.restart(session, context, member, running);
        } finally {
            ManagedFiles.replace(remote, envFile(), original, "0640");
        }
        awaitNewSnapshot(context, remote, before);
        remote.run("touch " + Shell.quote(marker())).requireOk("mark " + member.memberName() + "'s snapshot");
    }

    private String newestSnapshot(RemoteHost remote) throws Exception {
        return remote.run("ls -t " + Shell.quote(session.settings().dataDir() + "/member/snap") + " 2>/dev/null"
                + " | grep '[.]snap$' | head -n 1").stdout().strip();
    }

    private void awaitNewSnapshot(StepContext context, RemoteHost remote, String before) throws Exception {
        Instant deadline = Instant.now().plus(CLUSTER_VERSION_WAIT);
        String now = newestSnapshot(remote);
        while ((now.isEmpty() || now.equals(before)) && Instant.now().isBefore(deadline)) {
            context.cancellation().sleep(Duration.ofMillis(500));
            now = newestSnapshot(remote);
        }
        if (now.isEmpty() || now.equals(before)) {
            throw new StepFailedException(context.target() + " took no snapshot within "
                    + CLUSTER_VERSION_WAIT.toSeconds() + " s of restarting with ETCD_SNAPSHOT_COUNT=1",
                    "its env file is as it was; check journalctl -u " + session.settings().layout().unitName() + " on "
                            + context.target()
                            + ", then run the same command again");
        }
        context.info(context.target() + " took snapshot " + now);
    }

    /** The member's own env file: the main cluster's or the events cluster's (decision 0043). */
    private String envFile() {
        return session.settings().layout().envFile();
    }

    private String marker() {
        return session.settings().dataDir() + "/quorum-snapshot-on-" + from;
    }

    /** The leader raises the cluster version a few seconds after the last member runs the line. */
    private void awaitClusterVersion(StepContext context, EtcdMember member) throws Exception {
        Instant deadline = Instant.now().plus(CLUSTER_VERSION_WAIT);
        Optional<EtcdVersion> cluster = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            ServedVersions served = session.cluster().sharedEtcd().versions(member.clientUrl())
                    .get(5, TimeUnit.SECONDS);
            cluster = served.cluster();
            if (cluster.map(v -> from.equals(v.line())).orElse(false)) {
                return;
            }
            context.cancellation().sleep(Duration.ofMillis(500));
        }
        throw new StepFailedException("the cluster version is " + cluster.map(EtcdVersion::line).orElse("not decided")
                + ", not " + from + ", " + CLUSTER_VERSION_WAIT.toSeconds() + " s after every member runs " + from,
                "check quorum status: every member must run " + from + " and be healthy; then run the same command again");
    }
}
