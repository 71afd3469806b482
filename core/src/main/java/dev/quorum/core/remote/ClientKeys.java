package dev.quorum.core.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private keys to log in with: the host's own key if the inventory names one (it must
 * load), else whichever default identities exist and load. Key contents never reach a log.
 */
final class ClientKeys {

    private static final Logger LOG = LoggerFactory.getLogger(ClientKeys.class);

    /** Keys that loaded, and the paths they came from for error messages. */
    record Loaded(List<KeyProvider> providers, List<Path> paths) {
    }

    private ClientKeys() {
    }

    static Loaded load(SSHClient client, String hostName, SshTarget target, SshOptions options) {
        if (target.privateKey().isPresent()) {
            Path path = target.privateKey().get();
            return new Loaded(List.of(loadRequired(client, hostName, path)), List.of(path));
        }
        List<KeyProvider> providers = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        for (Path path : options.identityFiles()) {
            if (!Files.isRegularFile(path)) {
                continue;
            }
            try {
                providers.add(loadChecked(client, path));
                paths.add(path);
            } catch (IOException | RuntimeException e) {
                // Like ssh, skip a default identity that cannot be used (e.g. passphrase-protected).
                LOG.warn("Skipping SSH key {}: {}", path, e.getClass().getSimpleName());
            }
        }
        return new Loaded(providers, paths);
    }

    private static KeyProvider loadRequired(SSHClient client, String hostName, Path path) {
        if (!Files.isRegularFile(path)) {
            throw new RemoteException("The SSH private key " + path + " for " + hostName + " does not exist",
                    "Fix the private key path of " + hostName + " in the inventory.");
        }
        if (!Files.isReadable(path)) {
            throw new RemoteException("The SSH private key " + path + " for " + hostName + " is not readable",
                    "Give the user running Quorum read access to it (chmod 600, right owner).");
        }
        try {
            return loadChecked(client, path);
        } catch (IOException | RuntimeException e) {
            // The exception text is sshj's parser message, not key material.
            throw new RemoteException("The SSH private key " + path + " for " + hostName + " cannot be used: "
                    + e.getMessage(), "Use an unencrypted OpenSSH or PEM private key file (passphrases and "
                    + "ssh-agent are not supported yet).", e);
        }
    }

    /** sshj loads lazily; asking for the public half now surfaces a bad file before login. */
    private static KeyProvider loadChecked(SSHClient client, Path path) throws IOException {
        KeyProvider provider = client.loadKeys(path.toString());
        provider.getPublic();
        return provider;
    }
}
