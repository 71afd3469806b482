package dev.quorum.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorum.core.lifecycle.backup.BackupHealth;
import dev.quorum.core.lifecycle.backup.HostBackupHealth;

/** The backups' health in {@code status --json} and {@code diagnose --json}; unknown facts are null. */
final class BackupHealthJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BackupHealthJson() {
    }

    static ObjectNode node(BackupHealth health) {
        ObjectNode node = JSON.createObjectNode();
        node.put("status", health.status().name());
        node.put("needsAttention", health.status().needsAttention());
        health.every().ifPresentOrElse(e -> node.put("everySeconds", e.toSeconds()), () -> node.putNull("everySeconds"));
        health.keep().ifPresentOrElse(k -> node.put("keep", k), () -> node.putNull("keep"));
        health.nextRun().ifPresentOrElse(t -> node.put("nextRun", t.toString()), () -> node.putNull("nextRun"));
        health.newest().ifPresentOrElse(b -> node.put("newest", b.location()), () -> node.putNull("newest"));
        for (HostBackupHealth host : health.hosts()) {
            ObjectNode h = node.withArray("hosts").addObject();
            h.put("host", host.host());
            h.put("status", host.status().name());
            h.put("finding", host.finding().name());
            host.newestVerified().ifPresentOrElse(b -> h.put("newest", b.location()), () -> h.putNull("newest"));
            host.age().ifPresentOrElse(a -> h.put("ageSeconds", a.toSeconds()), () -> h.putNull("ageSeconds"));
            host.lastRun().ifPresentOrElse(r -> h.put("lastResult", r.result()).put("lastExitStatus", r.exitStatus()),
                    () -> h.putNull("lastResult"));
            host.unknown().ifPresentOrElse(u -> h.put("unknown", u), () -> h.putNull("unknown"));
        }
        return node;
    }
}
