package dev.quorum.core.inventory;

import java.util.List;
import java.util.Map;

/**
 * One Ansible group as declared in the inventory file, merged over every place it appears.
 *
 * @param name     the group name
 * @param hosts    hosts listed directly under the group, in order of appearance
 * @param children child group names, in order of appearance
 * @param vars     the group's {@code vars:} from the inventory file
 */
record InventoryGroup(String name, List<String> hosts, List<String> children, Map<String, Object> vars) {
    InventoryGroup {
        hosts = List.copyOf(hosts);
        children = List.copyOf(children);
    }
}
