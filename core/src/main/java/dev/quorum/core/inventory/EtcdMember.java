package dev.quorum.core.inventory;

/** An inventory host in the etcd group, with the member name etcd knows it by. */
public record EtcdMember(InventoryHost host, String memberName) {
    public static final int CLIENT_PORT = 2379;
    public static final int PEER_PORT = 2380;

    public String hostName() {
        return host.name();
    }

    public String address() {
        return host.address();
    }

    public String peerUrl() {
        return "https://" + UrlHosts.bracketed(address()) + ":" + PEER_PORT;
    }

    public String clientUrl() {
        return "https://" + UrlHosts.bracketed(address()) + ":" + CLIENT_PORT;
    }
}
