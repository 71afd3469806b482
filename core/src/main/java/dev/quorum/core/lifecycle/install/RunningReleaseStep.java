package dev.quorum.core.lifecycle.install;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.ClusterProbe;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.EtcdVersion;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Install on a running cluster swaps binaries and restarts members without the upgrade's guards: refused when a
 * member runs another minor than the inventory's {@code etcd_version}, pointing to {@code quorum upgrade}.
 */
final class RunningReleaseStep extends ClusterStep {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    RunningReleaseStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Check the running members' etcd version";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("etcdctl endpoint status --cluster   # a running member on another minor than "
                + session.settings().version() + " is upgraded with quorum upgrade, not installed over");
    }

    @Override
    public Check check(StepContext context) throws StepFailedException {
        Optional<EtcdVersion> wanted = EtcdVersion.tryParse(session.settings().version());
        if (!session.hasPki() || wanted.isEmpty()) {
            return Check.done("no cluster CA on this workstation yet: no member of this cluster to ask");
        }
        ClusterStatus status = ClusterProbe.probeEndpoints(session.cluster().sharedEtcd(), session.members(),
                PROBE_TIMEOUT, session.cluster().silentEndpoints());
        String other = status.members().stream().filter(m -> otherLine(m, wanted.get()))
                .map(m -> m.memberName() + " (" + m.status().orElseThrow().version() + ")")
                .collect(Collectors.joining(", "));
        if (!other.isEmpty()) {
            throw new StepFailedException("the cluster runs another etcd minor than etcd_version "
                    + wanted.get() + ": " + other + "; install does not change a running cluster's version",
                    "run quorum upgrade -i <this inventory> (guarded, one minor at a time, a snapshot first); "
                            + "or set etcd_version back to the running version");
        }
        long answering = status.members().stream().filter(MemberStatus::reachable).count();
        if (answering > 0) {
            return Check.done(answering + " running member(s) on " + wanted.get().line());
        }
        // a re-run after an install stopped before the start: each port's refusal answered at once (decision 0063)
        return Check.done(status.members().stream().allMatch(MemberStatus::refused)
                ? "no member answers yet: nothing listens on the client port of "
                        + status.members().stream().map(MemberStatus::hostName).collect(Collectors.joining(", "))
                : "no member answers yet");
    }

    private static boolean otherLine(MemberStatus member, EtcdVersion wanted) {
        return member.status().flatMap(s -> EtcdVersion.tryParse(s.version()))
                .map(v -> !v.sameLine(wanted)).orElse(false);
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("only checks");
    }
}
