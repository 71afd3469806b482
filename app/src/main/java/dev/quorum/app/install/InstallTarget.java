package dev.quorum.app.install;

import dev.quorum.core.inventory.InventoryWriter;
import dev.quorum.core.inventory.NewHost;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the install's inventory is: a chosen file, or one to write for typed-in hosts at
 * {@code ~/.quorum/clusters/NAME/hosts.yaml}, so the CLI can use it too.
 */
public record InstallTarget(Path file, List<NewHost> typedHosts, Map<String, Object> vars) {
    public InstallTarget {
        typedHosts = List.copyOf(typedHosts);
        vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
    }

    static InstallTarget chosen(Path file) {
        return new InstallTarget(file, List.of(), Map.of());
    }

    static InstallTarget typed(Path file, List<NewHost> hosts, Map<String, Object> vars) {
        return new InstallTarget(file, hosts, vars);
    }

    /** The inventory file, written first for typed-in hosts. Touches the disk: not on the UI thread. */
    public Path resolve() {
        return typedHosts.isEmpty() ? file : InventoryWriter.write(file, typedHosts, vars);
    }
}
