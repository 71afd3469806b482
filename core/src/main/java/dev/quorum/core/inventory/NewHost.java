package dev.quorum.core.inventory;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A host typed in by the user, to be written into a new inventory.
 *
 * @param name       the inventory name (also the certificate file names)
 * @param address    where SSH, the other members and clients reach it
 * @param sshUser    {@code ansible_user}
 * @param sshPort    {@code ansible_port}
 * @param privateKey {@code ansible_ssh_private_key_file}, if one is needed
 */
public record NewHost(String name, String address, String sshUser, int sshPort, Optional<Path> privateKey) {
    public NewHost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(sshUser, "sshUser");
        Objects.requireNonNull(privateKey, "privateKey");
        if (sshPort < 1 || sshPort > 65535) {
            throw new IllegalArgumentException("SSH port out of range: " + sshPort);
        }
    }
}
