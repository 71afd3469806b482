package dev.quorum.core.inventory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges an inventory's variables in Ansible's default order (later wins, whole values replaced as with
 * {@code hash_behaviour = replace}):
 * <ol>
 *   <li>{@code all.vars} in the inventory file</li>
 *   <li>{@code vars:} of the host's groups in the inventory file, parents before children, then by name</li>
 *   <li>{@code group_vars/all} beside the inventory</li>
 *   <li>{@code group_vars/GROUP} for the host's groups, in the same order as 2</li>
 *   <li>the host's own variables in the inventory file</li>
 *   <li>{@code host_vars/HOST} beside the inventory</li>
 * </ol>
 * So any group_vars file beats any group {@code vars:} written in the inventory file, and host variables
 * beat both. Settings that apply to the whole etcd cluster use layers 1-4 for the etcd group.
 */
final class VariableLayers {
    private final String label;
    private final String fileName;
    private final ParsedInventory parsed;
    private final VarsFiles files;
    private final Map<String, Object> builtins;

    VariableLayers(String label, Path inventoryFile, ParsedInventory parsed, VarsFiles files) {
        this.label = label;
        this.fileName = inventoryFile.getFileName().toString();
        this.parsed = parsed;
        this.files = files;
        Path dir = inventoryFile.toAbsolutePath().getParent();
        this.builtins = Map.of("inventory_dir", dir.toString(), "inventory_file", inventoryFile.toAbsolutePath().toString());
    }

    VariableScope forGroup(String group) {
        Merge merge = groupLayers(parsed.groupWithAncestors(group));
        return new VariableScope(label, merge.values, merge.origins, builtins);
    }

    VariableScope forHost(String host) {
        Merge merge = groupLayers(parsed.groupsOf(host));
        merge.add("host " + host + " in " + fileName, parsed.hostVars().getOrDefault(host, Map.of()));
        merge.add("host_vars/" + host, files.host(host));
        Map<String, Object> hostBuiltins = new HashMap<>(builtins);
        hostBuiltins.put("inventory_hostname", host);
        return new VariableScope(label, merge.values, merge.origins, hostBuiltins);
    }

    private Merge groupLayers(List<String> groups) {
        Merge merge = new Merge();
        merge.add("all.vars in " + fileName, parsed.allVars());
        for (String group : groups) {
            parsed.group(group).ifPresent(g -> merge.add("vars of group " + group + " in " + fileName, g.vars()));
        }
        merge.add("group_vars/all", files.group("all"));
        for (String group : groups) {
            merge.add("group_vars/" + group, files.group(group));
        }
        return merge;
    }

    private static final class Merge {
        final Map<String, Object> values = new LinkedHashMap<>();
        final Map<String, String> origins = new HashMap<>();

        void add(String origin, Map<String, Object> layer) {
            layer.forEach((name, value) -> {
                values.put(name, value);
                origins.put(name, origin);
            });
        }
    }
}
