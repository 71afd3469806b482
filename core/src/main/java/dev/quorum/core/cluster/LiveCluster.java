package dev.quorum.core.cluster;

import dev.quorum.core.etcd.ClusterProbe;
import dev.quorum.core.etcd.ClusterStatus;
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

/**
 * The members the cluster itself lists, each matched to its inventory host by peer address.
 * A member whose host is not in the inventory is kept, with a stand-in host that cannot be
 * reached over SSH: it can still be removed.
 */
public record LiveCluster(List<MemberInfo> list, List<EtcdMember> members) {
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    public LiveCluster {
        list = List.copyOf(list);
        members = List.copyOf(members);
    }

    /** Reads the member list (any member answers it, quorum or not). */
    public static LiveCluster read(ClusterSession session) {
        List<MemberInfo> list;
        try {
            list = session.sharedEtcd().members().get(TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new ClusterUnavailableException("cannot read the member list of cluster "
                    + session.inventory().clusterName() + ": " + ClusterProbeErrors.describe(e),
                    "a membership change needs a cluster with quorum; check `quorum status`, and if quorum is "
                            + "lost for good, restore from a snapshot");
        }
        return of(session.inventory(), list);
    }

    public static LiveCluster of(Inventory inventory, List<MemberInfo> list) {
        List<EtcdMember> members = new ArrayList<>();
        for (MemberInfo info : list) {
            members.add(new EtcdMember(hostFor(inventory, info), info.name()));
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
     * The inventory's etcd members that the member list does not show yet (e.g. hosts about to
     * be installed), after the listed ones: what a status view should show.
     */
    public List<EtcdMember> withInventory(Inventory inventory) {
        List<EtcdMember> all = new ArrayList<>(members);
        for (EtcdMember member : inventory.etcdMembers()) {
            if (all.stream().noneMatch(m -> m.peerUrl().equals(member.peerUrl()))) {
                all.add(member);
            }
        }
        return all;
    }

    public ClusterStatus probe(ClusterSession session) {
        return ClusterProbe.probe(session.sharedEtcd(), members, TIMEOUT);
    }
}
