package dev.quorum.core.lifecycle.adopt;

/**
 * What {@code adopt} was asked for.
 *
 * @param removeCaKeyFromHosts also delete {@code ca-key.pem} from the etcd hosts afterwards (only once this
 *                             workstation holds the same key)
 */
public record AdoptRequest(boolean removeCaKeyFromHosts) {
    /** Take the cluster over; the CA key stays on the hosts (Kubespray's habit). */
    public static AdoptRequest keepCaKeyOnHosts() {
        return new AdoptRequest(false);
    }

    /** Take it over and then delete the CA key from every etcd host. */
    public static AdoptRequest removeCaKey() {
        return new AdoptRequest(true);
    }
}
