package dev.quorum.core.remote;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Host key policy for one connection attempt: a key marked {@code @revoked} always refused; known
 * key accepted; unknown host refused unless accepting new keys (then recorded); a different key for
 * a known host always refused.
 *
 * <p>sshj only learns "rejected" from a verifier, so the detailed reason is kept here and the
 * connector throws it after the handshake fails. One instance per connect, hence not shared.
 */
final class KnownHostsPolicy implements HostKeyVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(KnownHostsPolicy.class);

    private final String hostName;
    private final KnownHostsFile knownHosts;
    private final boolean acceptNew;
    private volatile RemoteException rejection;

    KnownHostsPolicy(String hostName, KnownHostsFile knownHosts, boolean acceptNew) {
        this.hostName = hostName;
        this.knownHosts = knownHosts;
        this.acceptNew = acceptNew;
    }

    /** Why the host key was refused, if it was. */
    Optional<RemoteException> rejection() {
        return Optional.ofNullable(rejection);
    }

    @Override
    public boolean verify(String address, int port, PublicKey publicKey) {
        HostKey key = HostKey.of(publicKey);
        String name = KnownHostsFile.hostPattern(address, port);
        try {
            // Before anything that could accept the key: a revoked key loses even against a matching line.
            Optional<KnownHostsFile.Entry> revoked = knownHosts.revocation(key);
            if (revoked.isPresent()) {
                rejection = new RevokedHostKeyException(hostName, name, key, knownHosts.path(), revoked.get().line());
                return false;
            }
            List<KnownHostsFile.Entry> entries = knownHosts.entriesFor(name);
            if (entries.stream().anyMatch(e -> key.sameKey(e.blob()))) {
                LOG.debug("{}: host key {} matches {}", hostName, key, knownHosts.path());
                return true;
            }
            if (!entries.isEmpty()) {
                List<Integer> lines = new ArrayList<>();
                entries.forEach(e -> lines.add(e.line()));
                rejection = new ChangedHostKeyException(hostName, name, key, knownHosts.path(), lines);
                return false;
            }
            if (!acceptNew) {
                rejection = new UnknownHostKeyException(hostName, name, key, knownHosts.path());
                return false;
            }
            knownHosts.append(name, key);
            return true;
        } catch (RemoteException e) {
            rejection = e; // e.g. an unreadable known_hosts file: refuse rather than trust blindly
            return false;
        }
    }

    /**
     * Lets sshj prefer the key types known_hosts already has for this host, so a server with
     * several host keys presents the one we can check instead of looking "changed".
     */
    @Override
    public List<String> findExistingAlgorithms(String address, int port) {
        Set<String> algorithms = new LinkedHashSet<>();
        try {
            for (KnownHostsFile.Entry e : knownHosts.entriesFor(KnownHostsFile.hostPattern(address, port))) {
                if ("ssh-rsa".equals(e.keyType())) {
                    // An ssh-rsa key is signed with these algorithms by current OpenSSH servers.
                    algorithms.add("rsa-sha2-512");
                    algorithms.add("rsa-sha2-256");
                }
                algorithms.add(e.keyType());
            }
        } catch (RemoteException e) {
            LOG.debug("{}: known_hosts unreadable while choosing algorithms: {}", hostName, e.getMessage());
        }
        return List.copyOf(algorithms);
    }
}
