package dev.quorum.core.remote;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How Quorum connects over SSH, the same for every host.
 *
 * @param knownHostsFile    OpenSSH known_hosts file to check host keys against
 * @param acceptNewHostKeys like OpenSSH's {@code StrictHostKeyChecking=accept-new}: record the key
 *                          of a host with no entry; a changed key is still refused
 * @param identityFiles     private keys to try when a host's target names none
 * @param useAgent          ask ssh-agent for keys. Not supported yet: sshj 0.40 has no agent
 *                          support of its own (it needs the extra jsch-agent-proxy libraries), so
 *                          this is kept for the option's sake and only logged when set
 * @param connectTimeout    for the TCP connect
 * @param commandTimeout    default limit for one remote command, after which it is killed
 */
public record SshOptions(Path knownHostsFile, boolean acceptNewHostKeys, List<Path> identityFiles,
                         boolean useAgent, Duration connectTimeout, Duration commandTimeout) {

    public SshOptions {
        Objects.requireNonNull(knownHostsFile, "knownHostsFile");
        identityFiles = List.copyOf(identityFiles);
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(commandTimeout, "commandTimeout");
    }

    /** OpenSSH's defaults for the current user; commands may run up to 10 minutes. */
    public static SshOptions defaults() {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        return new SshOptions(ssh.resolve("known_hosts"), false,
                List.of(ssh.resolve("id_ed25519"), ssh.resolve("id_ecdsa"), ssh.resolve("id_rsa")),
                false, Duration.ofSeconds(5), Duration.ofMinutes(10));
    }

    public SshOptions withKnownHostsFile(Path file) {
        return new SshOptions(file, acceptNewHostKeys, identityFiles, useAgent, connectTimeout, commandTimeout);
    }

    public SshOptions withAcceptNewHostKeys(boolean accept) {
        return new SshOptions(knownHostsFile, accept, identityFiles, useAgent, connectTimeout, commandTimeout);
    }

    public SshOptions withIdentityFiles(List<Path> files) {
        return new SshOptions(knownHostsFile, acceptNewHostKeys, files, useAgent, connectTimeout, commandTimeout);
    }

    public SshOptions withConnectTimeout(Duration timeout) {
        return new SshOptions(knownHostsFile, acceptNewHostKeys, identityFiles, useAgent, timeout, commandTimeout);
    }

    public SshOptions withCommandTimeout(Duration timeout) {
        return new SshOptions(knownHostsFile, acceptNewHostKeys, identityFiles, useAgent, connectTimeout, timeout);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
