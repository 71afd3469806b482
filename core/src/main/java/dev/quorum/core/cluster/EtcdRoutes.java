package dev.quorum.core.cluster;

import dev.quorum.core.etcd.EtcdRoute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a session reaches each member's etcd, by inventory host name, and why any go through SSH.
 *
 * @param byHost every member's route, in member order
 * @param reason why the tunnelled ones are tunnelled; empty when all are direct
 */
public record EtcdRoutes(Map<String, EtcdRoute> byHost, Optional<TunnelReason> reason) {
    public EtcdRoutes {
        byHost = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byHost));
        Objects.requireNonNull(reason, "reason");
    }

    public EtcdRoute route(String hostName) {
        return byHost.getOrDefault(hostName, EtcdRoute.DIRECT);
    }

    /** The hosts reached through SSH tunnels, in member order. */
    public List<String> tunnelled() {
        return byHost.entrySet().stream().filter(e -> e.getValue() == EtcdRoute.SSH_TUNNEL).map(Map.Entry::getKey)
                .toList();
    }

    public boolean anyTunnelled() {
        return !tunnelled().isEmpty();
    }

    public boolean allTunnelled() {
        return !byHost.isEmpty() && tunnelled().size() == byHost.size();
    }
}
