package dev.quorum.core.remote;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How Quorum connects over SSH, the same for every host.
 *
 * @param knownHostsFile    OpenSSH known_hosts file to check host keys against
 * @param acceptNewHostKeys like OpenSSH's {@code StrictHostKeyChecking=accept-new}: record the key
 *                          of a host with no entry; a changed key is still refused
 * @param identityFiles     private keys to try when a host's target names none
 * @param agentSocket       the ssh-agent to ask for keys after the identity files, when a host's
 *                          target names no key; empty for none
 * @param connectTimeout    for the TCP connect
 * @param commandTimeout    default limit for one remote command, after which it is killed
 */
public record SshOptions(Path knownHostsFile, boolean acceptNewHostKeys, List<Path> identityFiles,
                         Optional<Path> agentSocket, Duration connectTimeout, Duration commandTimeout) {

    public SshOptions {
        Objects.requireNonNull(knownHostsFile, "knownHostsFile");
        identityFiles = List.copyOf(identityFiles);
        Objects.requireNonNull(agentSocket, "agentSocket");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(commandTimeout, "commandTimeout");
    }

    /**
     * OpenSSH's defaults for the current user, with the agent of {@code SSH_AUTH_SOCK} if its socket
     * exists (a variable left over from an old login would otherwise warn on every run); commands
     * may run up to 10 minutes.
     */
    public static SshOptions defaults() {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        return new SshOptions(ssh.resolve("known_hosts"), false,
                List.of(ssh.resolve("id_ed25519"), ssh.resolve("id_ecdsa"), ssh.resolve("id_rsa")),
                agentFromEnvironment(), Duration.ofSeconds(5), Duration.ofMinutes(10));
    }

    private static Optional<Path> agentFromEnvironment() {
        String socket = System.getenv("SSH_AUTH_SOCK");
        if (socket == null || socket.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Path.of(socket)).filter(Files::exists);
    }

    public SshOptions withKnownHostsFile(Path file) {
        return new SshOptions(file, acceptNewHostKeys, identityFiles, agentSocket, connectTimeout, commandTimeout);
    }

    public SshOptions withAcceptNewHostKeys(boolean accept) {
        return new SshOptions(knownHostsFile, accept, identityFiles, agentSocket, connectTimeout, commandTimeout);
    }

    public SshOptions withIdentityFiles(List<Path> files) {
        return new SshOptions(knownHostsFile, acceptNewHostKeys, files, agentSocket, connectTimeout, commandTimeout);
    }

    public SshOptions withAgentSocket(Optional<Path> socket) {
        return new SshOptions(knownHostsFile, acceptNewHostKeys, identityFiles, socket, connectTimeout, commandTimeout);
    }

    public SshOptions withConnectTimeout(Duration timeout) {
        return new SshOptions(knownHostsFile, acceptNewHostKeys, identityFiles, agentSocket, timeout, commandTimeout);
    }

    public SshOptions withCommandTimeout(Duration timeout) {
        return new SshOptions(knownHostsFile, acceptNewHostKeys, identityFiles, agentSocket, connectTimeout, timeout);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
