package dev.quorum.app.cli;

import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.app.common.BackupHealthWords;
import dev.quorum.core.lifecycle.backup.BackupHealth;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The status as a table, health in words on the first line. */
final class StatusTable {
    private StatusTable() {
    }

    /** Nothing for the main cluster (its line stays as it always was); the events cluster says so, and where. */
    static String which(Inventory inventory) {
        var layout = inventory.layout();
        return layout == dev.quorum.core.inventory.ClusterLayout.MAIN ? ""
                : " (the events cluster: " + layout.unitName() + ", client port " + layout.clientPort() + ")";
    }

    /** The first lines, which need etcd only: printed while the hosts are still asked about their backups. */
    static void printHealth(Inventory inventory, ClusterStatus status, PrintWriter out) {
        out.println("Cluster " + inventory.clusterName() + which(inventory) + ": " + status.sentence());
        out.println("Versions: " + status.versionSentence());
    }

    /** @param backupsNote why the backups are as they are, when status knows better than the hosts (the sandbox) */
    static void printRest(ClusterStatus status, List<EtcdMember> notMembers, BackupHealth backups,
                          java.util.Optional<String> backupsNote, PrintWriter out) {
        out.println("Backups: " + BackupHealthWords.line(backups)
                + (backups.status().needsAttention() ? " (quorum diagnose says what to do)" : "")
                + backupsNote.map(note -> " (" + note + ")").orElse(""));
        out.println(String.format("%-8s %-14s %-30s %-10s %-9s %-8s %-10s %s",
                "MEMBER", "HOST", "ENDPOINT", "ROLE", "VERSION", "TERM", "INDEX", "DB SIZE"));
        for (MemberStatus member : status.members()) {
            out.println(member.status()
                    .map(s -> String.format(Locale.ROOT, "%-8s %-14s %-30s %-10s %-9s %-8d %-10d %s",
                            member.memberName(), member.hostName(), member.endpoint(), role(s), s.version(),
                            s.raftTerm(), s.raftIndex(), bytes(s.dbSize())))
                    .orElse(String.format("%-8s %-14s %-30s %-10s %s", member.memberName(), member.hostName(),
                            member.endpoint(), "UNREACHABLE", member.error())));
        }
        if (!status.alarms().isEmpty()) {
            out.println("Alarms: " + String.join(", ", status.alarms()));
        }
        for (EtcdMember member : notMembers) {
            out.println("Not a member: " + member.hostName() + " is in the inventory's etcd group but not in the "
                    + "member list (add it with quorum add --host " + member.hostName()
                    + ", or take it out of the inventory if it was removed)");
        }
    }

    static String role(EndpointStatus status) {
        if (status.learner()) {
            return "learner";
        }
        if (!status.hasLeader()) {
            return "no leader";
        }
        return status.isLeader() ? "leader" : "follower";
    }

    static String bytes(long size) {
        if (size < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f kB", size / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0));
    }
}
