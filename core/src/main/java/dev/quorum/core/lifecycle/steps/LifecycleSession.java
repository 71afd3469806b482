package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.etcd.InitialClusterState;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryHost;
import dev.quorum.core.release.EtcdRelease;
import dev.quorum.core.release.ReleaseFetcher;
import dev.quorum.core.remote.RemoteHost;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the steps of one life-cycle run share: the cluster, the members the run aims at, the
 * verified release, what preflight learned, and which members need a daemon-reload or a restart
 * because their files changed.
 */
public final class LifecycleSession {
    private final ClusterSession cluster;
    private final ReleaseFetcher releases;
    private final Duration healthTimeout;
    private final List<EtcdMember> members;
    private final InitialClusterState newMemberState;
    private final AtomicReference<EtcdRelease> release = new AtomicReference<>();
    private final Map<String, HostFacts> facts = new ConcurrentHashMap<>();
    private final Set<String> reloadNeeded = ConcurrentHashMap.newKeySet();
    private final Set<String> restartNeeded = ConcurrentHashMap.newKeySet();
    /** Hosts whose certificates this run replaced: files the events cluster's members read too (decision 0038). */
    private final Set<String> sharedFilesChanged = ConcurrentHashMap.newKeySet();
    private final Set<String> restartedSinceShared = ConcurrentHashMap.newKeySet();
    private volatile LifecycleSession sharesFilesOf;

    /**
     * @param members        the members once the run is done; they make up ETCD_INITIAL_CLUSTER, in
     *                       the inventory's order (see {@link #inventoryOrder})
     *                       and the certificates' SANs
     * @param newMemberState the state a member without data starts in: {@code new} when the whole
     *                       cluster bootstraps, {@code existing} when it joins a running cluster
     */
    public LifecycleSession(ClusterSession cluster, ReleaseFetcher releases, Duration healthTimeout,
                            List<EtcdMember> members, InitialClusterState newMemberState) {
        this.cluster = cluster;
        this.releases = releases;
        this.healthTimeout = healthTimeout;
        this.members = inventoryOrder(cluster.inventory(), members);
        this.newMemberState = newMemberState;
    }

    public InitialClusterState newMemberState() {
        return newMemberState;
    }

    public ClusterSession cluster() {
        return cluster;
    }

    public EtcdSettings settings() {
        return cluster.inventory().etcd();
    }

    /**
     * The etcd group's order first (as Kubespray writes ETCD_INITIAL_CLUSTER), then the order of
     * all.hosts, then by name: the same members always render the same env file, whichever
     * life-cycle or member list order produced them, so a re-run changes nothing.
     */
    static List<EtcdMember> inventoryOrder(Inventory inventory, List<EtcdMember> members) {
        List<String> group = inventory.etcdMembers().stream().map(EtcdMember::hostName).toList();
        List<String> hosts = inventory.hosts().stream().map(InventoryHost::name).toList();
        Comparator<EtcdMember> order = Comparator
                .comparingInt((EtcdMember m) -> rank(group, m.hostName()))
                .thenComparingInt(m -> rank(hosts, m.hostName()))
                .thenComparing(EtcdMember::memberName);
        return members.stream().sorted(order).toList();
    }

    private static int rank(List<String> names, String name) {
        int index = names.indexOf(name);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    public List<EtcdMember> members() {
        return members;
    }

    public EtcdMember member(String hostName) {
        return members.stream().filter(m -> m.hostName().equals(hostName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(hostName + " is not a member of this run"));
    }

    public RemoteHost remote(String hostName) throws Exception {
        return cluster.remote(hostName);
    }

    public ReleaseFetcher releases() {
        return releases;
    }

    public Duration healthTimeout() {
        return healthTimeout;
    }

    public void useRelease(EtcdRelease verified) {
        release.set(verified);
    }

    /** The release, once fetched (a preview may not have it). */
    public Optional<EtcdRelease> fetchedRelease() {
        return Optional.ofNullable(release.get());
    }

    /** The cluster CA already exists on this workstation (a preview must not create it). */
    public boolean hasPki() {
        return cluster.hasPki();
    }

    /** The verified release; the fetch step runs first, so its absence is a bug. */
    public EtcdRelease release() {
        EtcdRelease verified = release.get();
        if (verified == null) {
            throw new IllegalStateException("the release was not fetched before it was needed");
        }
        return verified;
    }

    public void recordFacts(String hostName, HostFacts hostFacts) {
        facts.put(hostName, hostFacts);
    }

    public Optional<HostFacts> facts(String hostName) {
        return Optional.ofNullable(facts.get(hostName));
    }

    public boolean etcdActive(String hostName) {
        return facts(hostName).map(HostFacts::etcdActive).orElse(false);
    }

    /** A running member's files changed: it must restart (one at a time) to use them. */
    public void changedWhileRunning(String hostName) {
        if (etcdActive(hostName)) {
            restartNeeded.add(hostName);
        }
    }

    public void unitChanged(String hostName) {
        reloadNeeded.add(hostName);
        changedWhileRunning(hostName);
    }

    /** Files both clusters on the host read (its certificates) changed: each running member must restart. */
    public void sharedFilesChanged(String hostName) {
        sharedFilesChanged.add(hostName);
        changedWhileRunning(hostName);
    }

    /**
     * This session's members read {@code main}'s certificates (the events cluster's, decision 0043): a host whose
     * certificates {@code main}'s run replaced needs a restart here too, where this cluster's member runs.
     */
    public LifecycleSession sharingFilesOf(LifecycleSession main) {
        this.sharesFilesOf = main;
        return this;
    }

    public boolean reloadNeeded(String hostName) {
        return reloadNeeded.contains(hostName);
    }

    public void reloaded(String hostName) {
        reloadNeeded.remove(hostName);
    }

    public Set<String> restartNeeded() {
        Set<String> needed = new java.util.HashSet<>(restartNeeded);
        LifecycleSession main = sharesFilesOf;
        if (main != null) {
            main.sharedFilesChanged.stream().filter(this::etcdActive).filter(h -> !restartedSinceShared.contains(h))
                    .forEach(needed::add);
        }
        return Set.copyOf(needed);
    }

    public void restarted(String hostName) {
        restartNeeded.remove(hostName);
        restartedSinceShared.add(hostName);
    }
}
