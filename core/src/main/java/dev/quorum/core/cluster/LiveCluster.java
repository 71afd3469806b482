package dev.quorum.core.cluster;

import dev.quorum.core.etcd.ClientPortReach;
import dev.quorum.core.etcd.ClusterProbe;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryHost;
import dev.quorum.core.remote.SshTarget;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The members the cluster itself lists, each matched to its inventory host by peer address.
 * A member whose host is not in the inventory is kept, with a stand-in host that cannot be
 * reached over SSH: it can still be removed. {@code answered} holds the own status each member that answered gave
 * while the list was being read (empty when not read from the cluster): a look right after the read takes them
 * instead of asking those members again ({@code ClusterProbe.probe} with answers, decision 0058).
 */
public record LiveCluster(List<MemberInfo> list, List<EtcdMember> members, List<EndpointStatus> answered) {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    public LiveCluster {
        list = List.copyOf(list);
        members = List.copyOf(members);
        answered = List.copyOf(answered);
    }

    public LiveCluster(List<MemberInfo> list, List<EtcdMember> members) {
        this(list, members, List.of());
    }

    /**
     * Reads the member list from a member that answers and has a leader: one of the inventory's
     * etcd group if any will do, else any other inventory host (the group may be out of date
     * after membership changes). Without any member that has a leader, any answering one will do.
     */
    public static LiveCluster read(ClusterSession session) {
        Inventory inventory = session.inventory();
        Answering found = answering(session, inventory.etcdMembers());
        List<EtcdMember> others = outsideTheGroup(inventory);
        if (found.withLeader().isEmpty() && !others.isEmpty()) {
            found = found.and(answering(session, others));
        }
        List<EtcdMember> answering = found.best();
        if (answering.isEmpty()) {
            throwIfClientPortBlocked(session);
            throw new ClusterUnavailableException("no etcd member of cluster " + inventory.clusterName()
                    + " answers (tried " + inventory.hosts().stream().map(InventoryHost::address)
                    .collect(Collectors.joining(", ")) + " on port " + inventory.layout().clientPort() + ")",
                    "check that etcd runs on the inventory's hosts (quorum status); if quorum is lost for good, "
                            + "restore from a snapshot");
        }
        session.preferMembersUnlessChosen(answering);
        try {
            LiveCluster live = of(inventory, session.withEtcd(answering,
                    reader -> reader.members().get(TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS)));
            return new LiveCluster(live.list, live.members, found.statuses());
        } catch (Exception e) {
            throw new ClusterUnavailableException("cannot read the member list of cluster "
                    + inventory.clusterName() + ": " + ClusterProbeErrors.describe(e),
                    "a membership change needs a cluster with quorum; check `quorum status`, and if quorum is "
                            + "lost for good, restore from a snapshot");
        }
    }

    /**
     * Silence from every member reads as "etcd is down", yet a firewall between this workstation
     * and the hosts looks the same to an etcd client: a healthy cluster must not be told to
     * restore from a snapshot. A TCP connect tells them apart and names the ports it cannot reach.
     */
    private static void throwIfClientPortBlocked(ClusterSession session) {
        Inventory inventory = session.inventory();
        List<String> unreached = session.unreachedClientPorts(inventory.etcdMembers());
        if (!unreached.isEmpty()) {
            throw new ClusterUnavailableException("no etcd member of cluster " + inventory.clusterName()
                    + " answers this workstation: it cannot reach etcd's client port on " + String.join(", ", unreached)
                    + "; that is the network between here and the hosts, it says nothing about the cluster's quorum",
                    ClientPortReach.hint());
        }
    }

    /** Inventory hosts outside the etcd group, as a member on them would be reached. */
    private static List<EtcdMember> outsideTheGroup(Inventory inventory) {
        return inventory.hosts().stream()
                .filter(host -> inventory.etcdMembers().stream().noneMatch(m -> m.address().equals(host.address())))
                .map(host -> new EtcdMember(host, "", inventory.layout()))
                .toList();
    }

    /** Members that answered a status call, those of them that see a leader and vote, and what they answered. */
    private record Answering(List<EtcdMember> any, List<EtcdMember> withLeader, List<EndpointStatus> statuses) {
        Answering and(Answering more) {
            return new Answering(concat(any, more.any), concat(withLeader, more.withLeader),
                    concat(statuses, more.statuses));
        }

        List<EtcdMember> best() {
            return withLeader.isEmpty() ? any : withLeader;
        }

        private static <T> List<T> concat(List<T> a, List<T> b) {
            List<T> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }

    private static Answering answering(ClusterSession session, List<EtcdMember> candidates) {
        ClusterStatus probed = ClusterProbe.probeEndpoints(session.sharedEtcd(), candidates, TIMEOUT,
                session.silentEndpoints());
        List<EtcdMember> withLeader = new ArrayList<>();
        List<EtcdMember> any = new ArrayList<>();
        List<EndpointStatus> statuses = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            var status = probed.members().get(i).status();
            if (status.isPresent()) {
                any.add(candidates.get(i));
                statuses.add(status.get());
                if (status.get().hasLeader() && !status.get().learner()) {
                    withLeader.add(candidates.get(i));
                }
            }
        }
        return new Answering(any, withLeader, statuses);
    }

    public static LiveCluster of(Inventory inventory, List<MemberInfo> list) {
        List<EtcdMember> members = new ArrayList<>();
        for (MemberInfo info : list) {
            members.add(new EtcdMember(hostFor(inventory, info), info.name(), inventory.layout()));
        }
        return new LiveCluster(list, members);
    }

    private static InventoryHost hostFor(Inventory inventory, MemberInfo info) {
        String address = info.peerUrls().isEmpty() ? "" : peerHost(info.peerUrls().get(0));
        return inventory.hosts().stream().filter(h -> h.address().equals(address)).findFirst()
                .orElseGet(() -> new InventoryHost(unknownName(info), address,
                        new SshTarget(address.isEmpty() ? "unknown" : address, 22, "root", Optional.empty()),
                        Map.of()));
    }

    static String unknownName(MemberInfo info) {
        return "(not in inventory: " + (info.name().isEmpty() ? info.idHex() : info.name()) + ")";
    }

    static String peerHost(String url) {
        String host = URI.create(url).getHost();
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    public Optional<MemberInfo> info(EtcdMember member) {
        return list.stream().filter(i -> i.peerUrls().contains(member.peerUrl())).findFirst();
    }

    /** A member by its name, or by its inventory host name. */
    public Optional<EtcdMember> find(String nameOrHost) {
        return members.stream()
                .filter(m -> m.memberName().equals(nameOrHost) || m.hostName().equals(nameOrHost))
                .findFirst();
    }

    public Optional<EtcdMember> onHost(String hostName) {
        return members.stream().filter(m -> m.hostName().equals(hostName)).findFirst();
    }

    public boolean inInventory(EtcdMember member) {
        return !member.hostName().startsWith("(not in inventory");
    }

    /**
     * The inventory's etcd members that the member list does not show: hosts not installed yet,
     * or removed or replaced while the inventory still names them.
     */
    public List<EtcdMember> notListed(Inventory inventory) {
        return inventory.etcdMembers().stream()
                .filter(member -> members.stream().noneMatch(m -> m.peerUrl().equals(member.peerUrl())))
                .toList();
    }

    public ClusterStatus probe(ClusterSession session) {
        return ClusterProbe.probe(session.sharedEtcd(), members, TIMEOUT, session.silentEndpoints());
    }
}
