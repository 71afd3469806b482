package dev.quorum.app.common;

import dev.quorum.core.cluster.EtcdRoutes;
import dev.quorum.core.cluster.TunnelReason;
import dev.quorum.core.etcd.EtcdRoute;
import dev.quorum.core.inventory.EtcdMember;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How the CLI and the app word a session's {@link EtcdRoutes}: nothing when every member is reached directly. */
public final class EtcdRouteWords {
    private EtcdRouteWords() {
    }

    /** One line, e.g. "etcd reached through SSH tunnels (client port 2379 not reachable from here)". */
    public static Optional<String> line(EtcdRoutes routes) {
        if (!routes.anyTunnelled()) {
            return Optional.empty();
        }
        String why = routes.reason().map(r -> " (" + reason(r) + ")").orElse("");
        if (routes.allTunnelled()) {
            return Optional.of("etcd reached through SSH tunnels" + why);
        }
        List<String> direct = routes.byHost().entrySet().stream().filter(e -> e.getValue() == EtcdRoute.DIRECT)
                .map(Map.Entry::getKey).toList();
        return Optional.of("etcd reached through SSH tunnels on " + String.join(", ", routes.tunnelled()) + why
                + "; directly on " + String.join(", ", direct));
    }

    /** The header's few words beside "through bastion HOST"; empty when all is direct. */
    public static String header(EtcdRoutes routes) {
        if (!routes.anyTunnelled()) {
            return "";
        }
        return routes.allTunnelled() ? "etcd through SSH tunnels"
                : "etcd through SSH tunnels on " + String.join(", ", routes.tunnelled());
    }

    static String reason(TunnelReason reason) {
        return switch (reason) {
            case CLIENT_PORT_UNREACHABLE -> "client port " + EtcdMember.CLIENT_PORT + " not reachable from here";
            case INVENTORY -> "quorum_etcd_via_ssh: true in the inventory";
            case REQUESTED -> "--etcd-via-ssh";
        };
    }
}
