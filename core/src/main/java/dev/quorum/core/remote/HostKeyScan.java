package dev.quorum.core.remote;

import java.nio.file.Path;

/**
 * A host's key as it presented it, and what the known_hosts file says about it. Seen before any
 * login, like {@code ssh-keyscan}, so a user can be asked before the key is trusted.
 *
 * @param hostName       the inventory name
 * @param knownHostsName how known_hosts names the host ({@code address} or {@code [address]:port})
 * @param knownHosts     the file it was checked against
 */
public record HostKeyScan(String hostName, String knownHostsName, HostKey key, Verdict verdict, Path knownHosts) {

    public enum Verdict {
        /** known_hosts has this very key. */
        KNOWN,
        /** known_hosts has no entry for the host: trust only after the user checked the fingerprint. */
        UNKNOWN,
        /** known_hosts has another key for the host: never trusted automatically. */
        CHANGED,
        /** known_hosts marks this key {@code @revoked}: never trusted, whatever other lines say. */
        REVOKED
    }

    /** Records this key in known_hosts, as {@code ssh-keyscan >> known_hosts} would; only for an unknown host. */
    public void trust() {
        if (verdict != Verdict.UNKNOWN) {
            throw new IllegalStateException("only an unknown host key can be trusted here: " + hostName + " is "
                    + verdict);
        }
        new KnownHostsFile(knownHosts).append(knownHostsName, key);
    }
}
