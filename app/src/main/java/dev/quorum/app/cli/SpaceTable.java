package dev.quorum.app.cli;

import dev.quorum.core.lifecycle.maintenance.Bytes;
import dev.quorum.core.lifecycle.maintenance.MemberSpace;
import dev.quorum.core.lifecycle.maintenance.SpaceReport;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/** Each member's backend: sizes, quota, alarms; the cluster's revision on the first line. */
final class SpaceTable {
    private SpaceTable() {
    }

    static void print(String clusterName, SpaceReport report, PrintWriter out) {
        out.println("Cluster " + clusterName + (report.revision() > 0 ? " at revision " + report.revision() : "")
                + ": " + report.sentence());
        out.println(String.format(Locale.ROOT, "%-8s %-14s %-6s %-10s %-10s %-12s %-10s %s",
                "MEMBER", "HOST", "ROLE", "DB SIZE", "IN USE", "RECLAIMABLE", "QUOTA", "ALARMS"));
        for (MemberSpace m : report.members()) {
            if (!m.reachable()) {
                out.println(String.format(Locale.ROOT, "%-8s %-14s %s", m.memberName(), m.hostName(), m.sizes()));
                continue;
            }
            out.println(String.format(Locale.ROOT, "%-8s %-14s %-6s %-10s %-10s %-12s %-10s %s",
                    m.memberName(), m.hostName(), m.leader() ? "leader" : "", Bytes.human(m.dbSize()),
                    Bytes.human(m.dbSizeInUse()), Bytes.human(m.reclaimable()), Bytes.human(m.quotaBytes()),
                    m.alarms().isEmpty() ? "-" : m.alarms().stream().map(Enum::name).collect(Collectors.joining(","))));
        }
        if (!report.alarmError().isEmpty()) {
            out.println("Alarms unknown: " + report.alarmError());
        }
        if (!report.alarms().isEmpty()) {
            out.println("Alarms: " + report.alarms().stream().map(Object::toString).collect(Collectors.joining(", ")));
        }
    }
}
