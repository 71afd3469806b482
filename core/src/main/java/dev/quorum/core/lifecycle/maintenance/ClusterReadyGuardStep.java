package dev.quorum.core.lifecycle.maintenance;

import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EtcdAlarm;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Refuses maintenance on a cluster that is not fit for it: no quorum, a CORRUPT alarm (that
 * member's data is wrong; compacting or defragmenting it preserves the damage), or, when every
 * member takes part (defragmentation), a member that does not answer with a leader: blocking
 * another one would then cost the quorum. A NOSPACE alarm is no reason to refuse: it is what
 * maintenance fixes.
 */
final class ClusterReadyGuardStep extends ClusterStep {
    private final String purpose;
    private final boolean everyMember;

    ClusterReadyGuardStep(LifecycleSession session, String purpose, boolean everyMember) {
        super(session);
        this.purpose = purpose;
        this.everyMember = everyMember;
    }

    @Override
    public String title() {
        return "Check the cluster can be " + purpose;
    }

    @Override
    public List<String> preview(String target) {
        return List.of("etcdctl endpoint health --cluster && etcdctl alarm list"
                + (everyMember ? "   # every member healthy, no CORRUPT alarm" : "   # quorum, no CORRUPT alarm"));
    }

    @Override
    public Check check(StepContext context) throws Exception {
        LiveCluster live = LiveCluster.read(session.cluster());
        ClusterStatus status = HealthWait.afterElection(session, context, live);
        if (!status.quorum()) {
            throw new StepFailedException("the cluster has no quorum (" + status.sentence() + ")",
                    "maintenance needs a working cluster: find out why with quorum diagnose, then quorum recover");
        }
        List<EtcdAlarm> alarms = session.cluster().sharedEtcd().alarmList().get(5, TimeUnit.SECONDS);
        for (EtcdAlarm alarm : alarms) {
            if (alarm.kind() == EtcdAlarm.Kind.CORRUPT) {
                throw new StepFailedException("member " + nameOf(live, alarm.memberId()) + " has a CORRUPT alarm: its "
                        + "data differs from the other members'", "re-seed that member from the healthy ones first "
                        + "(quorum recover, or quorum replace --member " + nameOf(live, alarm.memberId()) + ")");
            }
        }
        if (everyMember) {
            for (MemberStatus member : status.members()) {
                if (!answersWithLeader(member)) {
                    throw new StepFailedException("member " + member.memberName() + " on " + member.hostName()
                            + " is not healthy (" + (member.reachable() ? "no leader" : member.error())
                            + "); each member "
                            + "in turn stops serving while it is defragmented, which would cost the quorum now",
                            "bring " + member.memberName() + " back first (quorum diagnose shows why it is down)");
                }
            }
        }
        String alarmWords = alarms.isEmpty() ? "no alarms" : "alarms: " + alarms;
        return Check.done("quorum, " + status.members().stream().filter(ClusterReadyGuardStep::answersWithLeader)
                .count() + "/" + status.members().size() + " members answer with a leader; " + alarmWords);
    }

    /** Healthy but for alarms: a member under NOSPACE reports the alarm among its errors. */
    static boolean answersWithLeader(MemberStatus member) {
        return member.status().map(s -> s.hasLeader()).orElse(false);
    }

    static String nameOf(LiveCluster live, long memberId) {
        return live.list().stream().filter(i -> i.id() == memberId).map(i -> i.name()).findFirst()
                .orElse(Long.toHexString(memberId));
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("a guard only checks");
    }
}
