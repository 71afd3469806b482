package dev.quorum.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorum.core.cluster.EtcdRoutes;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.lifecycle.backup.BackupHealth;
import java.util.List;
import java.util.Optional;

/** {@code status --json}: a stable shape scripts can rely on. */
final class StatusJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusJson() {
    }

    static String render(Inventory inventory, ClusterStatus status, List<EtcdMember> notMembers, BackupHealth backups) {
        return render(inventory, status, notMembers, Optional.empty(), backups).toPrettyString();
    }

    /** With each member's "etcdRoute" (DIRECT or SSH_TUNNEL) and, when any is tunnelled, "tunnelReason". */
    static String render(Inventory inventory, ClusterStatus status, List<EtcdMember> notMembers, EtcdRoutes routes,
                         BackupHealth backups) {
        return render(inventory, status, notMembers, Optional.of(routes), backups).toPrettyString();
    }

    private static ObjectNode render(Inventory inventory, ClusterStatus status, List<EtcdMember> notMembers,
                                     Optional<EtcdRoutes> routes, BackupHealth backups) {
        ObjectNode root = JSON.createObjectNode();
        root.put("cluster", inventory.clusterName());
        root.put("etcdCluster", inventory.layout().word());
        root.put("healthy", status.healthy());
        root.put("quorum", status.quorum());
        root.put("summary", status.sentence());
        root.put("faultTolerance", status.faultTolerance());
        status.leader().ifPresentOrElse(l -> root.put("leader", l.memberName()), () -> root.putNull("leader"));
        status.clusterVersion().ifPresentOrElse(v -> root.put("clusterVersion", v.line()),
                () -> root.putNull("clusterVersion"));
        root.put("mixedVersions", status.mixedVersions());
        // as etcd writes them in each member's "version": 3.6.14
        ArrayNode versions = root.putArray("versions");
        status.memberVersions().forEach(v -> versions.add(v.major() + "." + v.minor() + "." + v.patch()));
        ArrayNode members = root.putArray("members");
        for (MemberStatus member : status.members()) {
            ObjectNode node = members.addObject();
            node.put("name", member.memberName());
            node.put("host", member.hostName());
            node.put("endpoint", member.endpoint());
            node.put("reachable", member.reachable());
            node.put("healthy", member.healthy());
            routes.ifPresent(r -> node.put("etcdRoute", r.route(member.hostName()).name()));
            member.status().ifPresentOrElse(s -> {
                node.put("id", Long.toHexString(s.memberId()));
                node.put("role", StatusTable.role(s));
                node.put("version", s.version());
                node.put("raftTerm", s.raftTerm());
                node.put("raftIndex", s.raftIndex());
                node.put("dbSize", s.dbSize());
                node.put("dbSizeInUse", s.dbSizeInUse());
                node.put("learner", s.learner());
            }, () -> node.put("error", member.error()));
        }
        status.alarms().forEach(root.putArray("alarms")::add);
        notMembers.forEach(m -> root.withArray("notMembers").addObject().put("host", m.hostName())
                .put("peerUrl", m.peerUrl()));
        routes.flatMap(EtcdRoutes::reason).ifPresent(reason -> root.put("tunnelReason", reason.name()));
        root.set("backups", BackupHealthJson.node(backups));
        return root;
    }
}
