package dev.quorum.app.cluster;

/**
 * A member's host side, in words for its details: the etcd service and the certificate the
 * member serves to clients.
 */
public record HostFacts(String service, String certificate) {

    /** A status source that cannot reach hosts (tests, a cluster without SSH). */
    public static final HostFacts UNAVAILABLE = new HostFacts("not read", "not read");
}
