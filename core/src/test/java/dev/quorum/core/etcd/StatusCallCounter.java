package dev.quorum.core.etcd;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An etcd client (a real one, or a test's) that counts the member status calls made through it: jetcd opens a new
 * TLS connection for each ({@code statusMember}), so this is the count of those handshakes. Closing it leaves the
 * client open.
 */
final class StatusCallCounter implements EtcdAdmin {
    private final EtcdAdmin etcd;
    private final List<String> statusCalls = new ArrayList<>();

    StatusCallCounter(EtcdAdmin etcd) {
        this.etcd = etcd;
    }

    synchronized List<String> statusCalls() {
        return List.copyOf(statusCalls);
    }

    @Override
    public synchronized CompletableFuture<EndpointStatus> status(String endpointUrl) {
        statusCalls.add(endpointUrl);
        return etcd.status(endpointUrl);
    }

    @Override
    public CompletableFuture<List<MemberInfo>> members() {
        return etcd.members();
    }

    @Override
    public CompletableFuture<ServedVersions> versions(String endpointUrl) {
        return etcd.versions(endpointUrl);
    }

    @Override
    public CompletableFuture<List<String>> alarms() {
        return etcd.alarms();
    }

    @Override
    public CompletableFuture<List<EtcdAlarm>> alarmList() {
        return etcd.alarmList();
    }

    @Override
    public CompletableFuture<Void> disarmNospace(long memberId) {
        return etcd.disarmNospace(memberId);
    }

    @Override
    public CompletableFuture<Void> compact(long revision) {
        return etcd.compact(revision);
    }

    @Override
    public CompletableFuture<Void> defragment(String endpointUrl) {
        return etcd.defragment(endpointUrl);
    }

    @Override
    public CompletableFuture<Long> linearizableRevision() {
        return etcd.linearizableRevision();
    }

    @Override
    public CompletableFuture<MemberInfo> addMember(List<String> peerUrls, boolean learner) {
        return etcd.addMember(peerUrls, learner);
    }

    @Override
    public CompletableFuture<Void> removeMember(long memberId) {
        return etcd.removeMember(memberId);
    }

    @Override
    public CompletableFuture<Void> promoteMember(long memberId) {
        return etcd.promoteMember(memberId);
    }

    @Override
    public CompletableFuture<Long> snapshot(java.io.OutputStream out) {
        return etcd.snapshot(out);
    }

    @Override
    public CompletableFuture<KeyCount> keyCount() {
        return etcd.keyCount();
    }

    @Override
    public CompletableFuture<KeyCount> keyCountAt(long revision) {
        return etcd.keyCountAt(revision);
    }

    @Override
    public CompletableFuture<Void> moveLeader(long targetMemberId) {
        return etcd.moveLeader(targetMemberId);
    }

    @Override
    public void close() {
    }
}
