package dev.quorum.core.cluster;

import dev.quorum.core.etcd.EtcdRoute;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.InventoryHost;
import dev.quorum.core.remote.PortForward;
import dev.quorum.core.remote.RemoteException;
import dev.quorum.core.remote.SshConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    /** A host whose SSH failed is not tried again for this long: a status refresh must not wait on it each time. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(EtcdTunnels.class);

    private final SshConnector connector;
    private final EtcdRouter router;
    private final Map<String, PortForward> open = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, Long> failedAt = new ConcurrentHashMap<>();
    private volatile boolean closed;

    EtcdTunnels(SshConnector connector, EtcdRouter router) {
        this.connector = connector;
        this.router = router;
    }

    /**
     * The URL to connect to for this client URL: its tunnel's loopback URL, or itself when direct. When the
     * tunnel cannot be opened (the host's SSH is down too) it is the URL itself, so the member reads as not
     * answering, exactly as it would without tunnels.
     */
    String dial(String clientUrl) {
        Optional<InventoryHost> host = router.hostAt(clientUrl);
        if (host.isEmpty() || router.route(host.get()) == EtcdRoute.DIRECT) {
            return clientUrl;
        }
        return tunnelTo(host.get()).map(forward -> "https://" + LOOPBACK + ":" + forward.localPort()).orElse(clientUrl);
    }

    private Optional<PortForward> tunnelTo(InventoryHost host) {
        synchronized (locks.computeIfAbsent(host.name(), name -> new Object())) {
            if (closed) {
                throw new IllegalStateException("the session's etcd tunnels are closed");
            }
            PortForward forward = open.get(host.name());
            if (forward != null) {
                return Optional.of(forward);
            }
            Long failed = failedAt.get(host.name());
            if (failed != null && System.nanoTime() - failed < RETRY_AFTER.toNanos()) {
                return Optional.empty();
            }
            try {
                forward = connector.forward(host.name(), host.ssh(), LOOPBACK, router.clientPort());
            } catch (RemoteException e) {
                LOG.debug("{}: no SSH tunnel to etcd: {}", host.name(), e.getMessage());
                failedAt.put(host.name(), System.nanoTime());
                return Optional.empty();
            }
            failedAt.remove(host.name());
            open.put(host.name(), forward);
            return Optional.of(forward);
        }
    }

    @Override
    public void close() {
        closed = true;
        List<PortForward> toClose = new ArrayList<>();
        // Every host that ever took a lock: one opening a tunnel right now is waited for, not missed.
        for (String host : new ArrayList<>(locks.keySet())) {
            synchronized (locks.computeIfAbsent(host, name -> new Object())) {
                PortForward forward = open.remove(host);
                if (forward != null) {
                    toClose.add(forward);
                }
            }
        }
        toClose.forEach(PortForward::close);
    }
}
