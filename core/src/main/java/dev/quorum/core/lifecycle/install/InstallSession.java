package dev.quorum.core.lifecycle.install;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.release.EtcdRelease;
import dev.quorum.core.release.ReleaseFetcher;
import dev.quorum.core.remote.RemoteHost;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the steps of one install run share: the cluster, the verified release, what preflight
 * learned, and which members need a daemon-reload or a restart because their files changed.
 */
final class InstallSession {
    private final ClusterSession cluster;
    private final ReleaseFetcher releases;
    private final Duration healthTimeout;
    private final AtomicReference<EtcdRelease> release = new AtomicReference<>();
    private final Map<String, HostFacts> facts = new ConcurrentHashMap<>();
    private final Set<String> reloadNeeded = ConcurrentHashMap.newKeySet();
    private final Set<String> restartNeeded = ConcurrentHashMap.newKeySet();

    InstallSession(ClusterSession cluster, ReleaseFetcher releases, Duration healthTimeout) {
        this.cluster = cluster;
        this.releases = releases;
        this.healthTimeout = healthTimeout;
    }

    ClusterSession cluster() {
        return cluster;
    }

    EtcdSettings settings() {
        return cluster.inventory().etcd();
    }

    List<EtcdMember> members() {
        return cluster.inventory().etcdMembers();
    }

    EtcdMember member(String hostName) {
        return cluster.inventory().member(hostName)
                .orElseThrow(() -> new IllegalArgumentException(hostName + " is not in the etcd group"));
    }

    RemoteHost remote(String hostName) throws Exception {
        return cluster.remote(hostName);
    }

    ReleaseFetcher releases() {
        return releases;
    }

    Duration healthTimeout() {
        return healthTimeout;
    }

    void useRelease(EtcdRelease verified) {
        release.set(verified);
    }

    /** The release, once fetched (a preview may not have it). */
    Optional<EtcdRelease> fetchedRelease() {
        return Optional.ofNullable(release.get());
    }

    /** The cluster CA already exists on this workstation (a preview must not create it). */
    boolean hasPki() {
        return cluster.hasPki();
    }

    /** The verified release; the fetch step runs first, so its absence is a bug. */
    EtcdRelease release() {
        EtcdRelease verified = release.get();
        if (verified == null) {
            throw new IllegalStateException("the release was not fetched before it was needed");
        }
        return verified;
    }

    void recordFacts(String hostName, HostFacts hostFacts) {
        facts.put(hostName, hostFacts);
    }

    Optional<HostFacts> facts(String hostName) {
        return Optional.ofNullable(facts.get(hostName));
    }

    boolean etcdActive(String hostName) {
        return facts(hostName).map(HostFacts::etcdActive).orElse(false);
    }

    /** A running member's files changed: it must restart (one at a time) to use them. */
    void changedWhileRunning(String hostName) {
        if (etcdActive(hostName)) {
            restartNeeded.add(hostName);
        }
    }

    void unitChanged(String hostName) {
        reloadNeeded.add(hostName);
        changedWhileRunning(hostName);
    }

    boolean reloadNeeded(String hostName) {
        return reloadNeeded.contains(hostName);
    }

    void reloaded(String hostName) {
        reloadNeeded.remove(hostName);
    }

    Set<String> restartNeeded() {
        return Set.copyOf(restartNeeded);
    }

    void restarted(String hostName) {
        restartNeeded.remove(hostName);
    }
}
