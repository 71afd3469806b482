package dev.quorum.core.cluster;

import dev.quorum.core.etcd.ClientPortReach;
import dev.quorum.core.etcd.EtcdRoute;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryHost;
import dev.quorum.core.remote.FanOut;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Decides, once per host and session, whether its etcd is reached directly or through SSH: the inventory's
 * {@code quorum_etcd_via_ssh} or a request forces SSH for all; otherwise {@link EtcdRoutePolicy#AUTO} probes
 * the client port as {@link ClientPortReach} does and tunnels only where it does not answer.
 */
final class EtcdRouter {
    private final Inventory inventory;
    private final EtcdRoutePolicy policy;
    private final Optional<TunnelReason> forcedBy;
    private final Function<String, Optional<String>> whyNotReached;
    private final Map<String, EtcdRoute> decided = new ConcurrentHashMap<>();

    EtcdRouter(Inventory inventory, EtcdRoutePolicy requested, Function<String, Optional<String>> whyNotReached) {
        this.inventory = inventory;
        this.whyNotReached = whyNotReached;
        if (inventory.etcdViaSsh()) {
            this.policy = EtcdRoutePolicy.SSH_ALWAYS;
            this.forcedBy = Optional.of(TunnelReason.INVENTORY);
        } else {
            this.policy = requested;
            this.forcedBy = requested == EtcdRoutePolicy.SSH_ALWAYS ? Optional.of(TunnelReason.REQUESTED)
                    : Optional.empty();
        }
    }

    static EtcdRouter probing(Inventory inventory, EtcdRoutePolicy requested) {
        int port = inventory.layout().clientPort();
        return new EtcdRouter(inventory, requested, address -> ClientPortReach.whyNotReachedAt(address, port));
    }

    /** The client port the tunnels forward to on each member's 127.0.0.1. */
    int clientPort() {
        return inventory.layout().clientPort();
    }

    EtcdRoutePolicy policy() {
        return policy;
    }

    EtcdRoute route(InventoryHost host) {
        return decided.computeIfAbsent(host.name(), name -> decide(host.address()));
    }

    private EtcdRoute decide(String address) {
        return switch (policy) {
            case DIRECT_ONLY -> EtcdRoute.DIRECT;
            case SSH_ALWAYS -> EtcdRoute.SSH_TUNNEL;
            case AUTO -> whyNotReached.apply(address).isPresent() ? EtcdRoute.SSH_TUNNEL : EtcdRoute.DIRECT;
        };
    }

    /** Every member's route, the undecided ones probed side by side (each probe waits up to 3 s). */
    EtcdRoutes routes(List<EtcdMember> members) {
        List<String> undecided = members.stream().map(EtcdMember::hostName).distinct()
                .filter(name -> !decided.containsKey(name)).toList();
        if (!undecided.isEmpty()) {
            Map<String, InventoryHost> hosts = new LinkedHashMap<>();
            members.forEach(m -> hosts.putIfAbsent(m.hostName(), m.host()));
            FanOut.forEach(undecided, undecided.size(), name -> route(hosts.get(name)));
        }
        Map<String, EtcdRoute> byHost = new LinkedHashMap<>();
        members.forEach(m -> byHost.put(m.hostName(), route(m.host())));
        boolean anyTunnel = byHost.containsValue(EtcdRoute.SSH_TUNNEL);
        Optional<TunnelReason> reason = !anyTunnel ? Optional.empty()
                : forcedBy.or(() -> Optional.of(TunnelReason.CLIENT_PORT_UNREACHABLE));
        return new EtcdRoutes(byHost, reason);
    }

    /**
     * The inventory host a client URL points at ({@code https://ADDRESS:2379}, as the inventory and etcd's
     * member list write it); empty for any other port or an address no host has.
     */
    Optional<InventoryHost> hostAt(String clientUrl) {
        URI uri;
        try {
            uri = URI.create(clientUrl);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri.getHost() == null || uri.getPort() != inventory.layout().clientPort()) {
            return Optional.empty();
        }
        String address = unbracketed(uri.getHost()).toLowerCase(Locale.ROOT);
        return inventory.hosts().stream()
                .filter(h -> unbracketed(h.address()).toLowerCase(Locale.ROOT).equals(address)).findFirst();
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
