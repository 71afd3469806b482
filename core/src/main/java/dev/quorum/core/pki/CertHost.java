package dev.quorum.core.pki;

import java.util.List;

/**
 * A host as certificates see it, kept apart from the inventory records so this package stands alone.
 *
 * @param name      the inventory hostname; files and common names derive from it
 * @param addresses the addresses to put in SANs, first the one clients use (Kubespray's
 *                  {@code access_ip}, then {@code ip} when it differs)
 */
public record CertHost(String name, List<String> addresses) {
    public CertHost {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("host name is blank");
        }
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty() || addresses.stream().anyMatch(a -> a == null || a.isBlank())) {
            throw new IllegalArgumentException("host " + name + " needs at least one non-blank address");
        }
    }

    public CertHost(String name, String address) {
        this(name, List.of(address));
    }

    /** The address clients use. */
    public String address() {
        return addresses.get(0);
    }
}
