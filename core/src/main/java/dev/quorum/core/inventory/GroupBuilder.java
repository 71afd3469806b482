package dev.quorum.core.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A group being collected from an inventory file, merged over every place it appears. */
final class GroupBuilder {
    final Set<String> hosts = new LinkedHashSet<>();
    final Set<String> children = new LinkedHashSet<>();
    final Map<String, Object> vars = new LinkedHashMap<>();

    InventoryGroup build(String name) {
        return new InventoryGroup(name, new ArrayList<>(hosts), new ArrayList<>(children), vars);
    }
}
