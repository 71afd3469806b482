package dev.quorum.core.lifecycle.maintenance;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.EtcdAlarm;
import dev.quorum.core.etcd.MemberStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cluster's backends at one moment: each member's sizes and alarms, the current revision
 * (0 without quorum), and alarms of members Quorum could not match to a host.
 *
 * @param alarmError why the alarm list could not be read (empty when it was): then no alarm is known
 */
public record SpaceReport(List<MemberSpace> members, long revision, List<EtcdAlarm> alarms, String alarmError,
                          String sentence) {
    private static final long TIMEOUT_SECONDS = 5;

    public SpaceReport {
        members = List.copyOf(members);
        alarms = List.copyOf(alarms);
    }

    /**
     * Reads the live cluster: {@code etcdctl endpoint status --cluster}, {@code alarm list}, and a
     * read for the revision.
     */
    public static SpaceReport read(ClusterSession session) {
        LiveCluster live = LiveCluster.read(session);
        ClusterStatus status = live.probe(session);
        List<EtcdAlarm> alarms = List.of();
        String alarmError = "";
        try {
            alarms = session.sharedEtcd().alarmList().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            alarmError = "interrupted";
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            alarmError = "etcdctl alarm list failed: " + cause.getMessage();
        }
        long quota = session.inventory().etcd().effectiveQuotaBytes();
        List<MemberSpace> members = new ArrayList<>();
        for (MemberStatus member : status.members()) {
            members.add(space(member, quota, alarms));
        }
        return new SpaceReport(members, revision(session, status), alarms, alarmError, status.sentence());
    }

    static MemberSpace space(MemberStatus member, long quota, List<EtcdAlarm> alarms) {
        if (member.status().isEmpty()) {
            return new MemberSpace(member.hostName(), member.memberName(), member.endpoint(), 0, false, 0, 0, quota,
                    List.of(), member.error().isEmpty() ? "no answer" : member.error());
        }
        EndpointStatus own = member.status().get();
        List<EtcdAlarm.Kind> kinds = alarms.stream().filter(a -> a.memberId() == own.memberId())
                .map(EtcdAlarm::kind).distinct().toList();
        return new MemberSpace(member.hostName(), member.memberName(), member.endpoint(), own.memberId(),
                own.isLeader(), own.dbSize(), own.dbSizeInUse(), quota, kinds, "");
    }

    private static long revision(ClusterSession session, ClusterStatus status) {
        if (!status.quorum()) {
            return 0;
        }
        try {
            return session.sharedEtcd().linearizableRevision().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            return 0;
        }
    }

    public boolean any(EtcdAlarm.Kind kind) {
        return alarms.stream().anyMatch(a -> a.kind() == kind);
    }
}
