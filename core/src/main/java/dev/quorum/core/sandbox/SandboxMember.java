package dev.quorum.core.sandbox;

import dev.quorum.core.inventory.EtcdMember;

/** One sandbox member: its inventory host name, etcd member name and loopback address. */
public record SandboxMember(String hostName, String memberName, String address) {

    public String clientUrl() {
        return "https://" + address + ":" + EtcdMember.CLIENT_PORT;
    }

    public String peerUrl() {
        return "https://" + address + ":" + EtcdMember.PEER_PORT;
    }
}
