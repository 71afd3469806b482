package dev.quorum.core.lifecycle.apiservers;

import dev.quorum.core.inventory.ClusterLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kube-apiserver flag that lists a cluster's members: the main cluster's {@code --etcd-servers=URL,URL}, or,
 * for the events cluster, the {@code /events#URL;URL} entry of {@code --etcd-servers-overrides} (as Kubespray writes
 * it with {@code etcd_events_cluster_enabled}). The events cluster's members must never go into {@code --etcd-servers}:
 * kube-apiserver would then store every object in the events cluster.
 */
public enum ApiserverFlag {
    ETCD_SERVERS("--etcd-servers"),
    EVENTS_OVERRIDE("--etcd-servers-overrides");

    private static final String EVENTS = "/events#";

    private final String name;

    ApiserverFlag(String name) {
        this.name = name;
    }

    public static ApiserverFlag of(ClusterLayout layout) {
        return layout == ClusterLayout.EVENTS ? EVENTS_OVERRIDE : ETCD_SERVERS;
    }

    /** The flag as written before its {@code =}. */
    public String flagName() {
        return name;
    }

    /** What this flag would say for {@code servers} alone, for a person to write by hand. */
    String alone(List<String> servers) {
        return this == ETCD_SERVERS ? String.join(",", servers) : EVENTS + String.join(";", servers);
    }

    /** The servers the current value names for this cluster; empty when it names none (no /events# entry). */
    Optional<List<String>> servers(String value) {
        if (this == ETCD_SERVERS) {
            return Optional.of(List.of(value.split(",", -1)));
        }
        for (String entry : value.split(",", -1)) {
            if (entry.startsWith(EVENTS)) {
                return Optional.of(List.of(entry.substring(EVENTS.length()).split(";", -1)));
            }
        }
        return Optional.empty();
    }

    /** The current value with this cluster's servers set to {@code servers}; other overrides stay as they were. */
    String edited(String value, List<String> servers) {
        if (this == ETCD_SERVERS) {
            return alone(servers);
        }
        List<String> entries = new ArrayList<>();
        boolean replaced = false;
        for (String entry : value.split(",", -1)) {
            if (entry.startsWith(EVENTS) && !replaced) {
                entries.add(alone(servers));
                replaced = true;
            } else if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        if (!replaced) {
            entries.add(alone(servers));
        }
        return String.join(",", entries);
    }
}
