package dev.quorum.core.remote;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to open an SSH session: Ansible's {@code ansible_host}, {@code ansible_port},
 * {@code ansible_user} and {@code ansible_ssh_private_key_file}, and the bastion to go through, if any
 * ({@code ansible_ssh_common_args} with {@code -J}/ProxyJump/ProxyCommand, Kubespray's {@code [bastion]}).
 */
public record SshTarget(String address, int port, String user, Optional<Path> privateKey, Optional<JumpHost> jump) {
    public SshTarget {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(jump, "jump");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SSH port out of range: " + port);
        }
    }

    /** A target reached directly, without a bastion. */
    public SshTarget(String address, int port, String user, Optional<Path> privateKey) {
        this(address, port, user, privateKey, Optional.empty());
    }

    public boolean isRoot() {
        return "root".equals(user);
    }

    /** The same target reached through {@code bastion}, or directly when empty. */
    public SshTarget withJump(Optional<JumpHost> bastion) {
        return new SshTarget(address, port, user, privateKey, bastion);
    }
}
