package dev.quorum.core.inventory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The structure of an Ansible inventory file (YAML or INI): hosts with their inline variables, groups, and
 * {@code all.vars}. Nothing is interpreted yet.
 *
 * @param allVars      {@code all.vars}
 * @param hostVars     every host in order of first appearance, with its inline variables merged over
 *                     every place it appears (later places win, as in Ansible)
 * @param definedHosts hosts declared under {@code all.hosts} or with a mapping of variables somewhere
 * @param groups       every group except {@code all}, by name
 * @param topGroups    the groups directly under {@code all.children}, in order
 */
record ParsedInventory(
        Map<String, Object> allVars,
        Map<String, Map<String, Object>> hostVars,
        Set<String> definedHosts,
        Map<String, InventoryGroup> groups,
        List<String> topGroups) {

    Optional<InventoryGroup> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    /** The group's hosts, then its children's, depth first in declaration order, without repeats. */
    List<String> flattenedHosts(String groupName) {
        Set<String> hosts = new LinkedHashSet<>();
        collect(groupName, hosts, new HashSet<>());
        return new ArrayList<>(hosts);
    }

    private void collect(String groupName, Set<String> hosts, Set<String> visited) {
        InventoryGroup group = groups.get(groupName);
        if (group == null || !visited.add(groupName)) {
            return;
        }
        hosts.addAll(group.hosts());
        group.children().forEach(child -> collect(child, hosts, visited));
    }

    /**
     * The groups {@code host} belongs to (directly or through a child group), except {@code all}, ordered
     * as Ansible applies their variables: by depth below {@code all} (parents first), then by name.
     */
    List<String> groupsOf(String host) {
        Set<String> result = new LinkedHashSet<>();
        groups.values().stream().filter(g -> g.hosts().contains(host))
                .forEach(g -> addWithAncestors(g.name(), result));
        return byPrecedence(result);
    }

    /** The group and the groups containing it, except {@code all}, in variable precedence order. */
    List<String> groupWithAncestors(String groupName) {
        Set<String> result = new LinkedHashSet<>();
        addWithAncestors(groupName, result);
        return byPrecedence(result);
    }

    private void addWithAncestors(String groupName, Set<String> result) {
        Deque<String> todo = new ArrayDeque<>(List.of(groupName));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (result.add(name)) {
                groups.values().stream().filter(g -> g.children().contains(name)).forEach(g -> todo.push(g.name()));
            }
        }
    }

    private List<String> byPrecedence(Set<String> names) {
        Map<String, Integer> depths = depths();
        List<String> ordered = new ArrayList<>(names);
        ordered.sort((a, b) -> {
            int byDepth = Integer.compare(depths.getOrDefault(a, 1), depths.getOrDefault(b, 1));
            return byDepth != 0 ? byDepth : a.compareTo(b);
        });
        return ordered;
    }

    /** Ansible's group depth: the longest chain of parents down from {@code all} (which is 0). */
    private Map<String, Integer> depths() {
        Map<String, Integer> depths = new HashMap<>();
        topGroups.forEach(g -> deepen(g, 1, depths, new LinkedHashSet<>()));
        return depths;
    }

    private void deepen(String name, int depth, Map<String, Integer> depths, Set<String> path) {
        if (!path.add(name)) {
            return;
        }
        if (depth > depths.getOrDefault(name, 0)) {
            depths.put(name, depth);
        }
        InventoryGroup group = groups.get(name);
        if (group != null) {
            group.children().forEach(child -> deepen(child, depth + 1, depths, path));
        }
        path.remove(name);
    }
}
