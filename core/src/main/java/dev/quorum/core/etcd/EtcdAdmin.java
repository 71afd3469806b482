package dev.quorum.core.etcd;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The cluster-level calls Quorum makes to etcd (the etcdctl equivalents in comments). */
public interface EtcdAdmin extends AutoCloseable {

    /** {@code etcdctl member list}. */
    CompletableFuture<List<MemberInfo>> members();

    /** {@code etcdctl --endpoints=URL endpoint status}. */
    CompletableFuture<EndpointStatus> status(String endpointUrl);

    /**
     * {@code curl URL/version}: the member's server version and the cluster version (which etcd's
     * gRPC API does not carry). Admins that cannot read it answer with a failed future.
     */
    default CompletableFuture<ServedVersions> versions(String endpointUrl) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("this etcd client does not read /version"));
    }

    /**
     * {@code etcdctl endpoint status -w json} as the member itself answers through etcd's JSON gateway, with the
     * storage version and downgrade state (etcd 3.6+) that {@link #status} lacks.
     */
    default CompletableFuture<String> maintenanceStatus(String endpointUrl) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("this etcd client has no gateway"));
    }

    /** {@code etcdctl downgrade ACTION VERSION} through that member's JSON gateway: etcd's answer (JSON). */
    default CompletableFuture<String> downgrade(String endpointUrl, DowngradeAction action, String version) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("this etcd client has no gateway"));
    }

    /** {@code etcdctl alarm list}: e.g. "NOSPACE on 8211f1d0f64f3269". */
    CompletableFuture<List<String>> alarms();

    /** {@code etcdctl alarm list}, each alarm with its member and kind. */
    CompletableFuture<List<EtcdAlarm>> alarmList();

    /** {@code etcdctl alarm disarm} for one member's NOSPACE alarm (etcdctl disarms every alarm at once). */
    CompletableFuture<Void> disarmNospace(long memberId);

    /**
     * {@code etcdctl compact REVISION --physical}: discards the history before {@code revision} and
     * returns once the backend has really dropped it (so a defragmentation can reclaim the space).
     * etcd refuses a revision already compacted or in the future.
     */
    CompletableFuture<Void> compact(long revision);

    /** {@code etcdctl --endpoints=URL defrag}: that member alone; it serves nothing while it runs. */
    CompletableFuture<Void> defragment(String endpointUrl);

    /** A linearizable read: succeeds only while the cluster has quorum ({@code etcdctl endpoint health}). */
    CompletableFuture<Long> linearizableRevision();

    /** {@code etcdctl member add NAME --peer-urls=URL [--learner]}: the new member, not yet started. */
    CompletableFuture<MemberInfo> addMember(List<String> peerUrls, boolean learner);

    /** {@code etcdctl member remove ID}. */
    CompletableFuture<Void> removeMember(long memberId);

    /** {@code etcdctl member promote ID}: refused by etcd until the learner has caught up. */
    CompletableFuture<Void> promoteMember(long memberId);

    /** {@code etcdctl snapshot save}: streams the backend (with etcd's integrity hash) to {@code out}. */
    CompletableFuture<Long> snapshot(java.io.OutputStream out);

    /** {@code etcdctl get "" --from-key --count-only}: every key, counted at the current revision. */
    CompletableFuture<KeyCount> keyCount();

    /** Like {@link #keyCount()} at an earlier revision (refused by etcd if compacted away). */
    CompletableFuture<KeyCount> keyCountAt(long revision);

    /** {@code etcdctl move-leader ID}: must be sent to the current leader. */
    CompletableFuture<Void> moveLeader(long targetMemberId);

    @Override
    void close();
}
