package dev.quorum.core.remote;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The keys to log in with: the host's own key if the inventory names one (it must load, and
 * nothing else is tried, as with ssh's IdentitiesOnly), else whichever default identities exist
 * and load, then the agent's. Key contents never reach a log.
 */
final class ClientKeys {

    private static final Logger LOG = LoggerFactory.getLogger(ClientKeys.class);

    /** The login methods in the order to try them; the files and agent state for error messages. */
    record Loaded(List<AuthMethod> methods, List<Path> paths, String agent) {
    }

    private ClientKeys() {
    }

    static Loaded load(SSHClient client, String hostName, SshTarget target, SshOptions options, SshAgent agent) {
        if (target.privateKey().isPresent()) {
            Path path = target.privateKey().get();
            return new Loaded(List.of(new AuthPublickey(loadRequired(client, hostName, path))), List.of(path),
                    SshAgent.notTried("the inventory names a key file").description());
        }
        List<AuthMethod> methods = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        Set<ByteBuffer> blobs = new HashSet<>();
        for (Path path : options.identityFiles()) {
            if (!Files.isRegularFile(path)) {
                continue;
            }
            try {
                KeyProvider provider = loadChecked(client, path);
                blobs.add(publicBlob(provider));
                methods.add(new AuthPublickey(provider));
                paths.add(path);
            } catch (IOException | RuntimeException e) {
                // Like ssh, skip a default identity that cannot be used (e.g. passphrase-protected);
                // with an agent that is the usual case, since the agent holds such keys.
                LOG.atLevel(options.agentSocket().isPresent() ? Level.DEBUG : Level.WARN)
                        .log("Skipping SSH key {}: {}", path, e.getClass().getSimpleName());
            }
        }
        SshAgent.Offer offer = agent.offer(blobs);
        methods.addAll(offer.methods());
        return new Loaded(methods, paths, offer.description());
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
                    + e.getMessage(), "Use an unencrypted OpenSSH or PEM private key file. Passphrases are not "
                    + "supported: use ssh-agent for passphrase-protected keys (ssh-add the key and remove the "
                    + "host's ansible_ssh_private_key_file, as the agent is asked only when no key file is set).", e);
        }
    }

    /** The public key in SSH wire form, as an agent lists it. */
    private static ByteBuffer publicBlob(KeyProvider provider) throws IOException {
        return ByteBuffer.wrap(new Buffer.PlainBuffer().putPublicKey(provider.getPublic()).getCompactData());
    }

    /**
     * sshj loads lazily, and takes the public half from a {@code .pub} file beside the key when there
     * is one; asking for the private half now surfaces a bad or passphrase-protected file before
     * login, instead of a failed signature in the middle of it.
     */
    private static KeyProvider loadChecked(SSHClient client, Path path) throws IOException {
        KeyProvider provider = client.loadKeys(path.toString());
        provider.getPublic();
        provider.getPrivate();
        return provider;
    }
}
