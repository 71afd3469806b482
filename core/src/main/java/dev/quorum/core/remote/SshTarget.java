package dev.quorum.core.remote;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to open an SSH session: Ansible's {@code ansible_host}, {@code ansible_port},
 * {@code ansible_user} and {@code ansible_ssh_private_key_file}.
 */
public record SshTarget(String address, int port, String user, Optional<Path> privateKey) {
    public SshTarget {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(privateKey, "privateKey");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SSH port out of range: " + port);
        }
    }

    public boolean isRoot() {
        return "root".equals(user);
    }
}
