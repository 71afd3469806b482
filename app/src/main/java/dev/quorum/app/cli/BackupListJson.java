package dev.quorum.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorum.core.lifecycle.backup.BackupEntry;
import dev.quorum.core.lifecycle.backup.HostBackups;
import java.util.List;

/** {@code backup list --json}: a stable shape scripts can rely on. */
final class BackupListJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BackupListJson() {
    }

    static String render(List<HostBackups> hosts) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode backups = root.putArray("backups");
        ArrayNode unknown = root.putArray("unknown");
        for (HostBackups host : hosts) {
            host.unknown().ifPresent(reason -> unknown.addObject().put("host", host.host()).put("reason", reason));
            for (BackupEntry b : host.backups()) {
                ObjectNode node = backups.addObject();
                node.put("location", b.location());
                node.put("host", b.host());
                b.time().ifPresentOrElse(t -> node.put("time", t.toString()), () -> node.putNull("time"));
                node.put("revision", b.revision());
                node.put("size", b.size());
                node.put("sha256", b.sha256());
                node.put("verified", b.verified());
                b.problem().ifPresentOrElse(p -> node.put("problem", p), () -> node.putNull("problem"));
            }
        }
        return root.toString();
    }
}
