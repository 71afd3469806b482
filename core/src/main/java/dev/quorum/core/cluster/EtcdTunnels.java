package dev.quorum.core.cluster;

import dev.quorum.core.etcd.EtcdRoute;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.InventoryHost;
import dev.quorum.core.remote.PortForward;
import dev.quorum.core.remote.SshConnector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The session's SSH tunnels to etcd, one per member host, opened on first use and closed with the session.
 * {@link #dial} is what every etcd client of the session connects to in place of a member's client URL.
 *
 * <p>A tunnel ends at the member's own {@code 127.0.0.1:2379} (etcd listens there, see etcd.env), so
 * no firewall between hosts matters; TLS is verified against the cluster CA for the name 127.0.0.1,
 * which every member certificate carries (Kubespray's and Quorum's alike).
 */
final class EtcdTunnels implements AutoCloseable {
    static final String LOOPBACK = "127.0.0.1";

    private final SshConnector connector;
    private final EtcdRouter router;
    private final Map<String, PortForward> open = new LinkedHashMap<>();
    private boolean closed;

    EtcdTunnels(SshConnector connector, EtcdRouter router) {
        this.connector = connector;
        this.router = router;
    }

    /** The URL to connect to for this client URL: its tunnel's loopback URL, or itself when direct. */
    String dial(String clientUrl) {
        Optional<InventoryHost> host = router.hostAt(clientUrl);
        if (host.isEmpty() || router.route(host.get()) == EtcdRoute.DIRECT) {
            return clientUrl;
        }
        return "https://" + LOOPBACK + ":" + tunnelTo(host.get()).localPort();
    }

    private synchronized PortForward tunnelTo(InventoryHost host) {
        if (closed) {
            throw new IllegalStateException("the session's etcd tunnels are closed");
        }
        PortForward forward = open.get(host.name());
        if (forward == null) {
            forward = connector.forward(host.name(), host.ssh(), LOOPBACK, EtcdMember.CLIENT_PORT);
            open.put(host.name(), forward);
        }
        return forward;
    }

    /** How many tunnels are open now, for tests that check a session leaves none behind. */
    synchronized int openCount() {
        return open.size();
    }

    @Override
    public void close() {
        List<PortForward> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(open.values());
            open.clear();
        }
        toClose.forEach(PortForward::close);
    }
}
