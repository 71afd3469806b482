package dev.quorum.core.inventory;

/**
 * An inventory host in the etcd group, with the member name etcd knows it by, in one of the host's etcd clusters.
 *
 * @param layout which cluster ({@link ClusterLayout}): its ports
 */
public record EtcdMember(InventoryHost host, String memberName, ClusterLayout layout) {
    /** The main cluster's ports; an events member's are in its {@link #layout()}. */
    public static final int CLIENT_PORT = ClusterLayout.MAIN.clientPort();
    public static final int PEER_PORT = ClusterLayout.MAIN.peerPort();

    /** A member of the main cluster. */
    public EtcdMember(InventoryHost host, String memberName) {
        this(host, memberName, ClusterLayout.MAIN);
    }

    public String hostName() {
        return host.name();
    }

    public String address() {
        return host.address();
    }

    public int clientPort() {
        return layout.clientPort();
    }

    public int peerPort() {
        return layout.peerPort();
    }

    public String peerUrl() {
        return "https://" + UrlHosts.bracketed(address()) + ":" + layout.peerPort();
    }

    public String clientUrl() {
        return "https://" + UrlHosts.bracketed(address()) + ":" + layout.clientPort();
    }

    /** Where etcd listens for peers: the host's own address, which behind NAT is not the one others use. */
    public String listenPeerUrl() {
        return "https://" + UrlHosts.bracketed(host.bindAddress()) + ":" + layout.peerPort();
    }

    /** Where etcd listens for clients on the host's own address (the env file adds 127.0.0.1). */
    public String listenClientUrl() {
        return "https://" + UrlHosts.bracketed(host.bindAddress()) + ":" + layout.clientPort();
    }

    /** The same member reached as {@code other} (e.g. through a bastion). */
    public EtcdMember withHost(InventoryHost other) {
        return new EtcdMember(other, memberName, layout);
    }
}
