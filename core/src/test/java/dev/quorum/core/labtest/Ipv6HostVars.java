package dev.quorum.core.labtest;

import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** IPv6 on every lab host, each host's address written as its {@code ip6} in the inventory's host_vars. */
public final class Ipv6HostVars {
    private Ipv6HostVars() {
    }

    /** Returns each host's IPv6 address, in the lab's host order. */
    public static Map<LabHost, String> enable(Lab lab, LabCluster cluster) throws IOException {
        Map<LabHost, String> addresses = new LinkedHashMap<>();
        Path hostVars = Files.createDirectories(cluster.inventoryFile.resolveSibling("host_vars"));
        for (LabHost host : lab.hosts()) {
            String address = host.enableIpv6();
            addresses.put(host, address);
            Files.writeString(hostVars.resolve(host.name() + ".yml"), "ip6: \"" + address + "\"\n");
        }
        return addresses;
    }

    /** How openssl prints an IPv6 SAN: every group, without leading zeros, e.g. FD51:9877:77:0:0:0:0:2. */
    public static String expandedSan(String address) throws UnknownHostException {
        return "IP Address:" + InetAddress.getByName(address).getHostAddress().toUpperCase();
    }
}
