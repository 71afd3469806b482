package dev.quorum.app.cluster;

import dev.quorum.app.common.SessionOnDemand;
import dev.quorum.core.cluster.ClusterPki;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.ClusterUnavailableException;
import dev.quorum.core.cluster.EtcdRoutePolicy;
import dev.quorum.core.cluster.EtcdRoutes;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.etcd.ClusterProbe;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.known.OpenedFrom;
import dev.quorum.core.remote.SshConnector;
import dev.quorum.core.workspace.QuorumHome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The live status over jetcd (TLS, Quorum's client certificate), with one client kept for the
 * whole time the cluster is open so a refresh costs no handshake. The members to ask are the
 * cluster's own list, read again only when the list changes.
 */
public final class ProbeStatusSource implements StatusSource {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ClusterSource cluster;
    private final QuorumHome home;
    private final HostFactsReader hostFacts = new HostFactsReader(java.time.Clock.systemUTC());
    private final SessionOnDemand session;
    private List<EtcdMember> members;
    private volatile EtcdRoutes routes;

    public ProbeStatusSource(ClusterSource cluster, QuorumHome home) {
        this.cluster = cluster;
        this.home = home;
        this.session = new SessionOnDemand(this::open, "the status source of " + cluster.name() + " is closed");
    }

    @Override
    public synchronized ClusterStatus read() {
        ClusterSession open = session.get();
        List<EndpointStatus> justAnswered = List.of();
        if (members == null) {
            Optional<LiveCluster> live = liveCluster(open);
            members = live.map(l -> inInventoryOrder(l.members())).orElse(cluster.inventory().etcdMembers());
            justAnswered = live.map(LiveCluster::answered).orElse(List.of());
        }
        // right after reading the list, the members' answers to that read serve this look (decision 0058)
        ClusterStatus status = ClusterProbe.probe(open.sharedEtcd(), members, TIMEOUT, open.silentEndpoints(),
                justAnswered);
        routes = open.etcdRoutes();
        if (!status.memberList().isEmpty() && !sameNames(status.memberList(), members)) {
            members = null; // the membership changed: read the list again next time
        }
        return status;
    }

    private ClusterSession open() {
        // the events cluster's CA and client certificate are the main cluster's (decision 0038)
        if (!ClusterPki.exists(home, cluster.pkiName())) {
            throw new NoCertificatesException(cluster.pkiName(), cluster.inventoryFile());
        }
        // Remembered for the overview of known clusters, which opens it again from this file; only once the
        // cluster's folder exists (its CA is here): reading a cluster leaves no folder behind. Under the main
        // cluster's name only: the file opens the main cluster, the events one is its switch (decision 0044).
        OpenedFrom.record(home, cluster.pkiName(), cluster.inventoryFile());
        return new ClusterSession(cluster.inventory(), home, new SshConnector(cluster.ssh()), EtcdRoutePolicy.AUTO);
    }

    @Override
    public Optional<EtcdRoutes> etcdRoutes() {
        return Optional.ofNullable(routes);
    }

    /** Not synchronized beyond the session: SSH to one host must not hold up the status reads. */
    @Override
    public HostFacts hostFacts(String hostName, String endpointUrl) {
        return hostFacts.read(session.get(), hostName, endpointUrl, cluster.sandbox());
    }

    /** The cluster's own list; empty when no member answers, and the inventory's members are asked. */
    private static Optional<LiveCluster> liveCluster(ClusterSession open) {
        try {
            return Optional.of(LiveCluster.read(open));
        } catch (ClusterUnavailableException e) {
            return Optional.empty();
        }
    }

    /** The cluster lists members by id; people expect the inventory's order. */
    private List<EtcdMember> inInventoryOrder(List<EtcdMember> live) {
        List<String> order = cluster.inventory().etcdMembers().stream().map(EtcdMember::memberName).toList();
        return live.stream()
                .sorted(java.util.Comparator.comparingInt((EtcdMember m) -> order.contains(m.memberName())
                        ? order.indexOf(m.memberName()) : order.size()).thenComparing(EtcdMember::memberName))
                .toList();
    }

    private static boolean sameNames(List<MemberInfo> list, List<EtcdMember> members) {
        Set<String> listed = list.stream().filter(MemberInfo::started).map(MemberInfo::name).collect(Collectors.toSet());
        return listed.equals(members.stream().map(EtcdMember::memberName).collect(Collectors.toSet()));
    }

    @Override
    public synchronized void close() { // a read under way finishes first
        session.close();
    }
}
