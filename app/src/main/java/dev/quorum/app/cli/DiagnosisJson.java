package dev.quorum.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorum.core.lifecycle.backup.BackupHealth;
import dev.quorum.core.lifecycle.recover.Diagnosis;
import dev.quorum.core.lifecycle.recover.MemberDiagnosis;
import dev.quorum.core.lifecycle.recover.Problem;
import dev.quorum.core.lifecycle.recover.RecommendedAction;
import dev.quorum.core.lifecycle.recover.RestoreLeftover;
import java.util.Optional;

/** {@code diagnose --json}: a stable shape scripts can rely on; unknown facts are null, never guessed. */
final class DiagnosisJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LOG_LINES = 5;

    private DiagnosisJson() {
    }

    /** The diagnosis, with the scheduled backups' health under "backups". */
    static String render(Diagnosis d, BackupHealth backups) {
        ObjectNode root = root(d);
        root.set("backups", BackupHealthJson.node(backups));
        return root.toPrettyString();
    }

    private static ObjectNode root(Diagnosis d) {
        ObjectNode root = JSON.createObjectNode();
        root.put("verdict", d.verdict().label());
        root.put("sentence", d.sentence());
        root.put("takenAt", d.takenAt().toString());
        ArrayNode members = root.putArray("members");
        d.members().forEach(m -> member(members.addObject(), m));
        ObjectNode connectivity = root.putObject("connectivity");
        d.connectivity().forEach((host, row) -> {
            ObjectNode peers = connectivity.putObject(host);
            row.forEach(peers::put);
        });
        ArrayNode actions = root.putArray("actions");
        for (RecommendedAction a : d.actions()) {
            actions.addObject().put("title", a.title()).put("command", a.command()).put("risk", a.risk());
        }
        return root;
    }

    private static void member(ObjectNode node, MemberDiagnosis m) {
        node.put("host", m.host());
        node.put("name", m.name());
        node.put("address", m.address());
        node.put("reachable", m.reachable());
        bool(node, "running", m.running());
        bool(node, "hasLeader", m.hasLeader());
        bool(node, "isolated", m.isolated());
        m.lag().ifPresentOrElse(l -> node.put("lag", l), () -> node.putNull("lag"));
        node.put("leader", m.leader());
        m.status().ifPresent(s -> {
            node.put("memberId", s.memberId());
            node.put("clusterId", s.clusterId());
            node.put("raftTerm", s.raftTerm());
            node.put("raftIndex", s.raftIndex());
            node.put("dbSize", s.dbSize());
            node.put("version", s.version());
            node.put("learner", s.learner());
        });
        RestoreLeftover left = m.restoreLeftover();
        if (left.dropIn() == RestoreLeftover.DropIn.UNKNOWN) {
            node.putNull("restoreDropIn");
        } else {
            node.put("restoreDropIn", left.dropInLeft());
        }
        if (left.marker() == RestoreLeftover.Marker.UNKNOWN) {
            node.putNull("restoreMarker");
        } else {
            node.put("restoreMarker", left.marker().name().toLowerCase(java.util.Locale.ROOT));
        }
        ArrayNode problems = node.putArray("problems");
        for (Problem p : m.problems()) {
            problems.addObject().put("kind", p.kind().label()).put("text", p.text());
        }
        ArrayNode log = node.putArray("log");
        m.logTail().stream().skip(Math.max(0, m.logTail().size() - LOG_LINES)).forEach(log::add);
    }

    private static void bool(ObjectNode node, String field, Optional<Boolean> value) {
        value.ifPresentOrElse(v -> node.put(field, v), () -> node.putNull(field));
    }
}
