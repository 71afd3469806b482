package dev.quorum.core.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the tree of an Ansible YAML inventory ({@code all: {hosts, children, vars}}) into a
 * {@link ParsedInventory}, merging hosts and groups that appear in several places. The INI form is
 * {@link IniInventoryParser}'s; {@link InventoryFormat} chooses.
 */
final class InventoryFileParser {
    private static final Set<String> GROUP_KEYS = Set.of("hosts", "children", "vars");

    private final String label;
    private final Map<String, Map<String, Object>> hostVars = new LinkedHashMap<>();
    private final Set<String> definedHosts = new LinkedHashSet<>();
    private final Map<String, GroupBuilder> groups = new LinkedHashMap<>();
    private final List<String> topGroups = new ArrayList<>();

    private InventoryFileParser(String label) {
        this.label = label;
    }

    /** @param label how messages name the file, e.g. {@code inventory hosts.yaml} */
    static ParsedInventory parse(String text, String label) {
        return new InventoryFileParser(label).parseText(text);
    }

    private ParsedInventory parseText(String text) {
        Object tree = YamlFiles.parse(text, label);
        if (tree == null) {
            throw new InventoryException(label + " is empty. Describe your hosts under all.hosts and the etcd "
                    + "group under all.children.etcd.hosts (see Quorum's example kubespray/hosts.yaml).");
        }
        if (!(tree instanceof Map<?, ?> root) || !root.containsKey("all")) {
            String found = tree instanceof Map<?, ?> m ? "top-level keys " + m.keySet() : "a " + Values.typeName(tree);
            throw new InventoryException(label + " has no top-level `all` key (found " + found + "). Quorum reads "
                    + "Kubespray's YAML inventory form: put the hosts under all.hosts and the groups under "
                    + "all.children (the etcd group is all.children.etcd).");
        }
        Object all = root.get("all");
        Map<String, Object> allVars = new LinkedHashMap<>();
        if (all != null) {
            Map<String, Object> allGroup = mapping(all, "all");
            checkGroupKeys(allGroup, "all");
            readHosts(allGroup.get("hosts"), "all", null);
            allVars.putAll(vars(allGroup.get("vars"), "all.vars"));
            readChildren(allGroup.get("children"), "all", null);
        }
        Map<String, InventoryGroup> built = new LinkedHashMap<>();
        groups.forEach((name, b) -> built.put(name, b.build(name)));
        return new ParsedInventory(allVars, hostVars, definedHosts, built, topGroups);
    }

    private void readHosts(Object hosts, String path, GroupBuilder group) {
        if (hosts == null) {
            return;
        }
        Map<String, Object> map = mapping(hosts, path + ".hosts");
        map.forEach((name, value) -> {
            String hostPath = path + ".hosts." + name;
            if (name.contains("[") && name.contains(":")) {
                throw new InventoryException(label + ": " + hostPath + " is a host range, which Quorum does not "
                        + "expand. List the hosts one by one (node1, node2, ...).");
            }
            Map<String, Object> merged = hostVars.computeIfAbsent(name, n -> new LinkedHashMap<>());
            if (value != null) {
                merged.putAll(mapping(value, hostPath));
                definedHosts.add(name);
            }
            if (group == null) {
                definedHosts.add(name);
            } else {
                group.hosts.add(name);
            }
        });
    }

    private void readChildren(Object children, String path, GroupBuilder parent) {
        if (children == null) {
            return;
        }
        Map<String, Object> map = mapping(children, path + ".children");
        map.forEach((name, value) -> {
            String groupPath = path + ".children." + name;
            GroupBuilder group = groups.computeIfAbsent(name, n -> new GroupBuilder());
            if (parent == null) {
                if (!topGroups.contains(name)) {
                    topGroups.add(name);
                }
            } else {
                parent.children.add(name);
            }
            if (value == null) {
                return;
            }
            Map<String, Object> def = mapping(value, groupPath);
            checkGroupKeys(def, groupPath);
            readHosts(def.get("hosts"), groupPath, group);
            group.vars.putAll(vars(def.get("vars"), groupPath + ".vars"));
            readChildren(def.get("children"), groupPath, group);
        });
    }

    private void checkGroupKeys(Map<String, Object> group, String path) {
        for (String key : group.keySet()) {
            if (!GROUP_KEYS.contains(key)) {
                throw new InventoryException(label + ": " + path + " has an unknown key `" + key + "`. A group may "
                        + "only contain hosts, children and vars; put a group `" + key + "` under "
                        + path + ".children and host variables under " + path + ".hosts.HOSTNAME.");
            }
        }
    }

    private Map<String, Object> vars(Object vars, String path) {
        return vars == null ? Map.of() : mapping(vars, path);
    }

    private Map<String, Object> mapping(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            return Values.stringKeyed(map);
        }
        throw new InventoryException(label + ": " + path + " must be a mapping (name: value lines), but it is a "
                + Values.typeName(value) + " (" + value + "). Indent its entries as `name:` lines below it, as in "
                + "Kubespray's inventory/sample/hosts.yaml.");
    }
}
