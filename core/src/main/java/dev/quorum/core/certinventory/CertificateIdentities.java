package dev.quorum.core.certinventory;

import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryHost;
import dev.quorum.core.pki.CertHost;
import java.util.LinkedHashMap;
import java.util.Map;

/** The names and addresses each etcd host's member certificate must carry, from the inventory. */
public final class CertificateIdentities {
    private CertificateIdentities() {
    }

    public static Map<String, CertHost> of(Inventory inventory) {
        Map<String, CertHost> hosts = new LinkedHashMap<>();
        for (EtcdMember member : inventory.etcdMembers()) {
            hosts.put(member.hostName(), of(member.host()));
        }
        return hosts;
    }

    /**
     * The host's name and its addresses, first the one members and clients use (access_ip, else ip, else
     * ansible_host), then the one etcd listens on (ip) and a dual-stack host's IPv6 ones: what Kubespray's
     * openssl.conf puts in the SANs for each etcd host.
     */
    public static CertHost of(InventoryHost host) {
        return new CertHost(host.name(), host.certificateAddresses());
    }
}
