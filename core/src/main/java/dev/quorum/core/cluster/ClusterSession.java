package dev.quorum.core.cluster;

import dev.quorum.core.etcd.ClientPortReach;
import dev.quorum.core.etcd.EtcdAdmin;
import dev.quorum.core.etcd.EtcdRoute;
import dev.quorum.core.etcd.JetcdAdmin;
import dev.quorum.core.etcd.SilentEndpoints;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryHost;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.PortForward;
import dev.quorum.core.remote.SshConnector;
import dev.quorum.core.remote.ThrowingFunction;
import dev.quorum.core.workspace.QuorumHome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/**
 * Everything one command needs to reach a cluster: its inventory, SSH connections (reused per
 * host), the workstation PKI and etcd clients. Close it when the command ends.
 */
public final class ClusterSession implements AutoCloseable {
    public static final Duration ETCD_CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final Inventory inventory;
    private final QuorumHome home;
    private final SshConnector connector;
    private ClusterPki pki;
    private final List<String> pkiRecoveries = new ArrayList<>();
    private EtcdAdmin sharedEtcd;
    private List<String> sharedEndpoints;
    private final SilentEndpoints silentEndpoints = new SilentEndpoints();
    private final EtcdRouter router;
    private final EtcdTunnels tunnels;
    private final EtcdRoutePolicy routing;
    private final boolean ownsConnector;
    private final Map<String, ClusterSession> siblings = new LinkedHashMap<>();

    /** A session whose etcd connections go straight to the client port, unless the inventory says via SSH. */
    public ClusterSession(Inventory inventory, QuorumHome home, SshConnector connector) {
        this(inventory, home, connector, EtcdRoutePolicy.DIRECT_ONLY);
    }

    /** A session that reaches etcd as {@code routing} asks (the inventory's quorum_etcd_via_ssh wins). */
    public ClusterSession(Inventory inventory, QuorumHome home, SshConnector connector, EtcdRoutePolicy routing) {
        this(inventory, home, connector, routing, true);
    }

    private ClusterSession(Inventory inventory, QuorumHome home, SshConnector connector, EtcdRoutePolicy routing,
                           boolean ownsConnector) {
        this.inventory = inventory;
        this.home = home;
        this.connector = connector;
        this.routing = routing;
        this.ownsConnector = ownsConnector;
        this.router = EtcdRouter.probing(inventory, routing);
        this.tunnels = new EtcdTunnels(connector, router);
        // Folders an older Quorum (or a loose umask) left readable become private when the cluster is opened.
        home.tightenCluster(inventory.clusterName());
    }

    /**
     * A session for the other etcd cluster on the same hosts (the events cluster, decision 0038): the same SSH
     * connections and route policy, its own etcd clients and tunnels; closed with this one. One per cluster name:
     * asked again (a wizard builds its plan more than once), the same one.
     */
    public synchronized ClusterSession sibling(Inventory other) {
        return siblings.computeIfAbsent(other.clusterName(),
                name -> new ClusterSession(other, home, connector, routing, false));
    }

    /** Members that did not answer earlier in this session: probes wait for them only briefly. */
    public SilentEndpoints silentEndpoints() {
        return silentEndpoints;
    }

    public Inventory inventory() {
        return inventory;
    }

    public QuorumHome home() {
        return home;
    }

    public RemoteHost remote(String hostName) throws Exception {
        var host = inventory.host(hostName)
                .orElseThrow(() -> new IllegalArgumentException("no host " + hostName + " in the inventory"));
        return connector.connect(host.name(), host.ssh());
    }

    public synchronized ClusterPki pki() {
        if (pki == null) {
            pki = ClusterPki.open(home, inventory.pkiName());
            pkiRecoveries.addAll(pki.recovered());
        }
        return pki;
    }

    /**
     * What loading the workstation's PKI found an interrupted CA rotation had left and did about
     * it, each sentence returned once: the PKI is often loaded before a run log exists (while a
     * plan is built), so a step hands these on to the run log.
     */
    public synchronized List<String> takePkiRecoveries() {
        pki();
        List<String> taken = List.copyOf(pkiRecoveries);
        pkiRecoveries.clear();
        return taken;
    }

    /**
     * Forgets the cached PKI and the shared etcd client: after the workstation's CA store changed
     * (a CA rotation), the next call loads it again and connects with the new trust and client
     * certificate.
     */
    public synchronized void reloadPki() {
        pki = null;
        if (sharedEtcd != null) {
            sharedEtcd.close();
            sharedEtcd = null;
        }
        // the events cluster's session uses the same CA store (decision 0048)
        siblings.values().forEach(ClusterSession::reloadPki);
    }

    public boolean hasPki() {
        return ClusterPki.exists(home, inventory.pkiName());
    }

    public EtcdAdmin etcd() {
        return etcd(inventory.etcdMembers());
    }

    /**
     * One client for the whole session, so repeated health checks skip the TLS handshake. Owned by
     * the session: callers must not close it.
     */
    public synchronized EtcdAdmin sharedEtcd() {
        if (sharedEtcd == null) {
            sharedEtcd = sharedEndpoints == null ? etcd() : etcdAt(sharedEndpoints);
        }
        return sharedEtcd;
    }

    /** Like {@link #preferMembers} unless a preference was already given (a plan's choice wins). */
    public synchronized void preferMembersUnlessChosen(List<EtcdMember> members) {
        if (sharedEndpoints == null) {
            preferMembers(members);
        }
    }

    /**
     * Points the shared client at these members only: during a membership change, requests must
     * not go to a member that is leaving (it stops mid-request) or one not serving yet.
     */
    public synchronized void preferMembers(List<EtcdMember> members) {
        if (members.isEmpty()) {
            return;
        }
        List<String> endpoints = members.stream().map(EtcdMember::clientUrl).toList();
        // the same members as now: the client stays, and so do its TLS connections (decision 0051)
        if (sharedEtcd != null && !endpoints.equals(sharedEndpoints())) {
            sharedEtcd.close();
            sharedEtcd = null;
        }
        sharedEndpoints = endpoints;
    }

    /** Where the shared client talks (or will): the preferred members, else every member of the inventory. */
    private List<String> sharedEndpoints() {
        return sharedEndpoints != null ? sharedEndpoints
                : inventory.etcdMembers().stream().map(EtcdMember::clientUrl).toList();
    }

    /**
     * {@code read} with a client that talks only to these members: the shared one when it already talks to exactly
     * them (no new client, no new TLS connections), else a new one, closed afterwards.
     */
    public <T> T withEtcd(List<EtcdMember> members, ThrowingFunction<EtcdAdmin, T> read) throws Exception {
        List<String> endpoints = members.stream().map(EtcdMember::clientUrl).toList();
        EtcdAdmin shared;
        synchronized (this) {
            shared = endpoints.equals(sharedEndpoints()) ? sharedEtcd() : null;
        }
        if (shared != null) {
            return read.apply(shared);
        }
        try (EtcdAdmin own = etcdAt(endpoints)) {
            return read.apply(own);
        }
    }

    /** A client that talks only to these members. */
    public EtcdAdmin etcd(List<EtcdMember> members) {
        return etcdAt(members.stream().map(EtcdMember::clientUrl).toList());
    }

    /** A client that talks only to these client URLs (e.g. the leader's, for moving leadership). */
    public EtcdAdmin etcdAt(List<String> endpoints) {
        if (router.policy() == EtcdRoutePolicy.DIRECT_ONLY) {
            return JetcdAdmin.connect(endpoints, pki().clientTls(), ETCD_CONNECT_TIMEOUT);
        }
        etcdRoutes(); // probes the members side by side, not one by one as the client dials them
        return JetcdAdmin.connect(endpoints, pki().clientTls(), ETCD_CONNECT_TIMEOUT, tunnels::dial);
    }

    /**
     * Where this session connects for a member's client URL: the URL itself, or its SSH tunnel's
     * {@code https://127.0.0.1:PORT}. For the few reads that talk TLS to the client port without jetcd
     * (the certificate a member serves).
     */
    public String dialUrl(String clientUrl) {
        if (router.policy() == EtcdRoutePolicy.DIRECT_ONLY) {
            return clientUrl;
        }
        return tunnels.dial(clientUrl);
    }

    /**
     * A local port forwarded over the host's SSH connection (through its bastion, if any) to {@code toHost:toPort}
     * as the host itself sees it, for a one-off look at a port this workstation may not reach (etcd's peer port).
     * The caller closes it.
     */
    public PortForward forward(String hostName, String toHost, int toPort) {
        InventoryHost host = inventory.host(hostName)
                .orElseThrow(() -> new IllegalArgumentException(hostName + " is not in the inventory"));
        return connector.forward(hostName, host.ssh(), toHost, toPort);
    }

    /**
     * How this session reaches each member of the inventory, and why any go through SSH; the first call
     * probes the client ports it has not decided yet (up to 3 s).
     */
    public EtcdRoutes etcdRoutes() {
        return router.routes(inventory.etcdMembers());
    }

    /**
     * The members this session would try to reach directly but whose client port does not answer here,
     * each as "host (address:2379: why)"; a member reached through an SSH tunnel is not among them.
     */
    public List<String> unreachedClientPorts(List<EtcdMember> members) {
        if (router.policy() == EtcdRoutePolicy.DIRECT_ONLY) {
            return ClientPortReach.unreached(members);
        }
        EtcdRoutes routes = router.routes(members);
        return ClientPortReach.unreached(members.stream()
                .filter(m -> routes.route(m.hostName()) == EtcdRoute.DIRECT).toList());
    }

    @Override
    public void close() {
        List<ClusterSession> others;
        synchronized (this) {
            if (sharedEtcd != null) {
                sharedEtcd.close();
            }
            others = List.copyOf(siblings.values());
        }
        others.forEach(ClusterSession::close);
        tunnels.close();
        if (ownsConnector) {
            connector.close();
        }
    }
}
