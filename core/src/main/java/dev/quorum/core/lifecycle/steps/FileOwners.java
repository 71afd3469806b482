package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One read-only round trip: who should own a Kubernetes host's etcd files (Kubespray's {@code kube} user where it
 * exists, else root) and the owner and mode of each file that exists.
 *
 * @param owner the user the files should belong to
 * @param stats path to "USER MODE" ({@code stat -c '%U %a'}), only for files that exist
 */
record FileOwners(String owner, Map<String, String> stats) {
    static FileOwners read(RemoteHost remote, List<String> paths) {
        String script = "if id -u " + NodeFiles.KUBESPRAY_OWNER + " >/dev/null 2>&1; then echo "
                + NodeFiles.KUBESPRAY_OWNER + "; else echo root; fi; for f in " + Shell.join(paths)
                + "; do [ -e \"$f\" ] && stat -c '%U %a %n' -- \"$f\"; done; true";
        return parse(remote.run(script).requireOk("read the owners of the etcd files").stdout());
    }

    static FileOwners parse(String output) {
        String[] lines = output.strip().split("\n");
        Map<String, String> stats = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] parts = lines[i].split(" ", 3);
            if (parts.length == 3) {
                stats.put(parts[2], parts[0] + " " + parts[1]);
            }
        }
        return new FileOwners(lines[0].strip(), stats);
    }

    String user(String path) {
        String stat = stats.get(path);
        return stat == null ? "" : stat.substring(0, stat.indexOf(' '));
    }

    String mode(String path) {
        String stat = stats.get(path);
        return stat == null ? "" : stat.substring(stat.indexOf(' ') + 1);
    }
}
