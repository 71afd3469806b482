package dev.quorum.app.wizard;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.InventoryHost;
import java.nio.file.Path;
import java.util.List;

/**
 * The live members of a cluster, the inventory hosts that are not members, and the members of the inventory's etcd
 * group the member list does not show: what the add, remove and replace wizards offer. Read from the cluster itself
 * (its member list), not from the etcd group, which may be out of date after changes.
 *
 * @param former the etcd group's members the cluster does not list: removed earlier (perhaps while their host was
 *               cut off, so their etcd may still run) or never joined; removing one again retires its host
 */
public record ClusterMembers(List<Member> members, List<String> freeHosts, List<Member> former, String health) {

    /**
     * A member; {@code answering} is false for a dead or cut-off one; {@code voter} false for a learner; {@code listed}
     * false for one of {@link #former}.
     */
    public record Member(String name, String host, String address, boolean answering, boolean voter, boolean listed) {
        public Member(String name, String host, String address, boolean answering, boolean voter) {
            this(name, host, address, answering, voter, true);
        }

        public Member(String name, String host, String address, boolean answering) {
            this(name, host, address, answering, true);
        }

        /** One of the inventory's etcd group that the member list does not show. */
        static Member former(EtcdMember member) {
            return new Member(member.memberName(), member.hostName(), member.address(), false, false, false);
        }

        @Override
        public String toString() {
            String where = name + " on " + host + " (" + address + ")";
            if (!listed) {
                return where + ", not in the member list";
            }
            return where + (answering ? "" : ", not answering") + (voter ? "" : ", learner");
        }
    }

    public ClusterMembers {
        members = List.copyOf(members);
        freeHosts = List.copyOf(freeHosts);
        former = List.copyOf(former);
    }

    /** Reads the members over the network: off the UI thread. */
    public static ClusterMembers read(Path inventory, WizardServices services) {
        try (ClusterSession session = SessionPlanSource.open(inventory, services)) {
            LiveCluster live = LiveCluster.read(session);
            ClusterStatus status = live.probe(session);
            List<Member> members = live.members().stream().filter(m -> !m.memberName().isEmpty())
                    .map(m -> new Member(m.memberName(), m.hostName(), m.address(), answering(status, m),
                            live.info(m).map(i -> !i.learner()).orElse(true)))
                    .toList();
            // Hosts of the etcd group the cluster does not list (LiveCluster.notListed) and hosts outside the group.
            List<String> free = session.inventory().hosts().stream().map(InventoryHost::name)
                    .filter(h -> live.onHost(h).filter(m -> !m.memberName().isEmpty()).isEmpty())
                    .toList();
            List<Member> former = live.notListed(session.inventory()).stream().map(Member::former).toList();
            return new ClusterMembers(members, free, former, status.sentence());
        }
    }

    private static boolean answering(ClusterStatus status, EtcdMember member) {
        return status.members().stream().filter(s -> s.memberName().equals(member.memberName()))
                .anyMatch(MemberStatus::healthy);
    }
}
