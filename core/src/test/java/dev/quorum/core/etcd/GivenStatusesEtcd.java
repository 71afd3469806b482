package dev.quorum.core.etcd;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A test's etcd: each member's own status as given (a member not given never answers) and a healthy cluster's
 * cluster-wide answers. Wrap it in {@link StatusCallCounter} to count the member status calls.
 */
final class GivenStatusesEtcd implements EtcdAdmin {
    private final Map<String, EndpointStatus> statuses;

    GivenStatusesEtcd(Map<String, EndpointStatus> statuses) {
        this.statuses = Map.copyOf(statuses);
    }

    @Override
    public CompletableFuture<EndpointStatus> status(String endpointUrl) {
        EndpointStatus status = statuses.get(endpointUrl);
        return status == null ? new CompletableFuture<>() : CompletableFuture.completedFuture(status);
    }

    @Override
    public CompletableFuture<List<MemberInfo>> members() {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<List<String>> alarms() {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<List<EtcdAlarm>> alarmList() {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<Long> linearizableRevision() {
        return CompletableFuture.completedFuture(1L);
    }

    @Override
    public CompletableFuture<Void> disarmNospace(long memberId) {
        return notHere();
    }

    @Override
    public CompletableFuture<Void> compact(long revision) {
        return notHere();
    }

    @Override
    public CompletableFuture<Void> defragment(String endpointUrl) {
        return notHere();
    }

    @Override
    public CompletableFuture<MemberInfo> addMember(List<String> peerUrls, boolean learner) {
        return notHere();
    }

    @Override
    public CompletableFuture<Void> removeMember(long memberId) {
        return notHere();
    }

    @Override
    public CompletableFuture<Void> promoteMember(long memberId) {
        return notHere();
    }

    @Override
    public CompletableFuture<Long> snapshot(java.io.OutputStream out) {
        return notHere();
    }

    @Override
    public CompletableFuture<KeyCount> keyCount() {
        return notHere();
    }

    @Override
    public CompletableFuture<KeyCount> keyCountAt(long revision) {
        return notHere();
    }

    @Override
    public CompletableFuture<Void> moveLeader(long targetMemberId) {
        return notHere();
    }

    private static <T> CompletableFuture<T> notHere() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("not a probe's call"));
    }

    @Override
    public void close() {
    }
}
