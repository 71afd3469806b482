package dev.quorum.core.remote;

import java.io.IOException;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * Reads a host's SSH key without logging in (the key exchange only) and compares it with
 * known_hosts. The connection is refused right after the key is seen: nothing is sent to the host.
 */
public final class HostKeyScanner {
    static {
        SshjProviders.useJdk(); // before sshj decides on BouncyCastle (decision 0055)
    }

    private final SshOptions options;

    public HostKeyScanner(SshOptions options) {
        this.options = options;
    }

    public HostKeyScan scan(String hostName, SshTarget target) {
        KnownHostsFile knownHosts = new KnownHostsFile(options.knownHostsFile());
        String name = KnownHostsFile.hostPattern(target.address(), target.port());
        KnownHostsPolicy preferKnownTypes = new KnownHostsPolicy(hostName, knownHosts, false);
        AtomicReference<HostKey> seen = new AtomicReference<>();
        SSHClient client = new SSHClient(OpenSshOffer.applyTo(new DefaultConfig()));
        client.addHostKeyVerifier(new HostKeyVerifier() {
            @Override
            public boolean verify(String address, int port, PublicKey key) {
                seen.set(HostKey.of(key));
                return false;
            }

            @Override
            public List<String> findExistingAlgorithms(String address, int port) {
                return preferKnownTypes.findExistingAlgorithms(address, port);
            }
        });
        client.setConnectTimeout((int) options.connectTimeout().toMillis());
        client.getTransport().setTimeoutMs((int) Math.max(15_000, 3 * options.connectTimeout().toMillis()));
        try {
            client.connect(target.address(), target.port());
        } catch (IOException e) {
            if (seen.get() == null) {
                OpenSshOffer.refuseWhenNoneInCommon(hostName + " at " + target.address() + ":" + target.port(), e);
                throw new HostUnreachableException(hostName, target.address(), target.port(), e);
            }
        } finally {
            SshConnector.closeQuietly(client);
        }
        HostKey key = seen.get();
        List<KnownHostsFile.Entry> entries = knownHosts.entriesFor(name);
        HostKeyScan.Verdict verdict = knownHosts.revocation(key).isPresent() ? HostKeyScan.Verdict.REVOKED
                : entries.isEmpty() ? HostKeyScan.Verdict.UNKNOWN
                : entries.stream().anyMatch(e -> key.sameKey(e.blob())) ? HostKeyScan.Verdict.KNOWN
                : HostKeyScan.Verdict.CHANGED;
        return new HostKeyScan(hostName, name, key, verdict, options.knownHostsFile());
    }
}
