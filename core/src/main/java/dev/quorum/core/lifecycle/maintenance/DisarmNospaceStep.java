package dev.quorum.core.lifecycle.maintenance;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.EnvFile;
import dev.quorum.core.etcd.EtcdAlarm;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.lifecycle.steps.FactsProbe;
import dev.quorum.core.lifecycle.steps.HostFacts;
import dev.quorum.core.lifecycle.steps.HostStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Disarms one member's NOSPACE alarm, only once its cause is gone: the database below the quota
 * the member really runs with (its /etc/etcd.env) and room on its disk. A CORRUPT alarm is never
 * disarmed: that member's data is wrong and must be re-seeded.
 */
final class DisarmNospaceStep extends HostStep {
    private static final long CALL_SECONDS = 10;

    private final String inventoryFile;
    private final boolean afterReclaim;

    /**
     * @param afterReclaim the plan compacts and defragments first: a cause still present when
     *                     checking (as in a preview) is expected, and only refused when disarming
     */
    DisarmNospaceStep(LifecycleSession session, boolean afterReclaim) {
        super(session);
        this.inventoryFile = session.cluster().inventory().source().toString();
        this.afterReclaim = afterReclaim;
    }

    @Override
    public String title() {
        return "Disarm NOSPACE once its cause is gone";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("etcdctl alarm list", "etcdctl --endpoints=" + session.member(target).clientUrl()
                + " endpoint status   # db size below ETCD_QUOTA_BACKEND_BYTES; df " + session.settings().dataDir(),
                "etcdctl alarm disarm");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        EtcdMember member = member(context);
        EndpointStatus status = session.cluster().sharedEtcd().status(member.clientUrl())
                .get(CALL_SECONDS, TimeUnit.SECONDS);
        List<EtcdAlarm.Kind> alarms = session.cluster().sharedEtcd().alarmList().get(CALL_SECONDS, TimeUnit.SECONDS)
                .stream().filter(a -> a.memberId() == status.memberId()).map(EtcdAlarm::kind).toList();
        if (alarms.contains(EtcdAlarm.Kind.CORRUPT)) {
            throw new StepFailedException(member.memberName() + " has a CORRUPT alarm, which Quorum does not disarm: "
                    + "its data differs from the other members'",
                    "re-seed it from the healthy members: quorum recover -i "
                    + inventoryFile + " (or quorum replace --member " + member.memberName() + ")");
        }
        if (!alarms.contains(EtcdAlarm.Kind.NOSPACE)) {
            return Check.done("no NOSPACE alarm on " + member.memberName());
        }
        NospaceCause cause = cause(context, member, status);
        if (cause.remaining().isPresent() && afterReclaim) {
            return Check.needed("NOSPACE alarm on " + member.memberName() + "; disarmed once the compaction and "
                    + "defragmentation have made room (now " + cause.describe() + ")");
        }
        refuseWhileCauseRemains(member, cause);
        return Check.needed("NOSPACE alarm on " + member.memberName() + "; the cause is gone ("
                + cause.describe() + ")");
    }

    private void refuseWhileCauseRemains(EtcdMember member, NospaceCause cause) throws StepFailedException {
        Optional<String> remaining = cause.remaining();
        if (remaining.isPresent()) {
            throw new StepFailedException("NOSPACE on " + member.memberName() + " cannot be disarmed yet: "
                    + remaining.get(), "delete what filled it, then compact and defragment (quorum maintain compact -i "
                    + inventoryFile + ", then quorum maintain defrag -i " + inventoryFile + "), free disk space, or "
                    + "raise etcd_quota_backend_bytes and run quorum install again");
        }
    }

    /** The quota the member runs with, from its own env file; the inventory's if the host cannot be read. */
    private NospaceCause cause(StepContext context, EtcdMember member, EndpointStatus status) {
        long quota = session.settings().effectiveQuotaBytes();
        long free = -1;
        try {
            HostFacts facts = FactsProbe.gather(remote(context), session.settings());
            free = facts.freeKiB() < 0 ? -1 : facts.freeKiB() * 1024;
            if (facts.envFile().isPresent()) {
                quota = EnvFile.parse(facts.envFile().get()).get("ETCD_QUOTA_BACKEND_BYTES")
                        .filter(v -> v.matches("\\d{1,18}")).map(Long::parseLong).filter(q -> q > 0)
                        .orElse(EtcdSettings.DEFAULT_QUOTA_BACKEND_BYTES);
            }
        } catch (Exception e) {
            context.warn("cannot read " + member.hostName() + " over SSH (" + e.getMessage() + "): using the "
                    + "inventory's quota and not checking its disk");
        }
        return new NospaceCause(status.dbSize(), quota, free);
    }

    @Override
    public void apply(StepContext context) throws Exception {
        EtcdMember member = member(context);
        EndpointStatus status = session.cluster().sharedEtcd().status(member.clientUrl())
                .get(CALL_SECONDS, TimeUnit.SECONDS);
        refuseWhileCauseRemains(member, cause(context, member, status));
        long id = status.memberId();
        context.info("disarming NOSPACE on " + member.memberName() + "   # etcdctl alarm disarm");
        session.cluster().sharedEtcd().disarmNospace(id).get(CALL_SECONDS, TimeUnit.SECONDS);
    }
}
