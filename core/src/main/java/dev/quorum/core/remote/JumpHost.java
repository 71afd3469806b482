package dev.quorum.core.remote;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A bastion (SSH jump host) a target is reached through: Quorum logs in to it and opens a
 * direct-tcpip channel to the target's sshd, as {@code ssh -J} does. Its host key is checked like any
 * host's, whatever the inventory's ssh arguments say about StrictHostKeyChecking.
 *
 * @param address    the bastion's address as the workstation reaches it
 * @param port       its sshd port
 * @param user       the user to log in as on the bastion
 * @param privateKey the key for the bastion; empty for the default identities and the agent
 */
public record JumpHost(String address, int port, String user, Optional<Path> privateKey) {
    public JumpHost {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(privateKey, "privateKey");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SSH port out of range: " + port);
        }
    }

    /** How the bastion's own connection is opened (it has no jump of its own). */
    public SshTarget target() {
        return new SshTarget(address, port, user, privateKey);
    }

    /** The name messages and known_hosts lookups use, e.g. {@code bastion 203.0.113.5}. */
    public String displayName() {
        return "bastion " + address + (port == 22 ? "" : ":" + port);
    }

    /** As {@code ssh -J} takes it: {@code user@host[:port]} (an IPv6 address in brackets). */
    public String spec() {
        String host = address.contains(":") ? "[" + address + "]" : address;
        return user + "@" + host + (port == 22 ? "" : ":" + port);
    }
}
