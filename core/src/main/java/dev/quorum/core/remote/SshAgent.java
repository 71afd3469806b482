package dev.quorum.core.remote;

import com.jcraft.jsch.agentproxy.AgentProxy;
import com.jcraft.jsch.agentproxy.AgentProxyException;
import com.jcraft.jsch.agentproxy.Identity;
import com.jcraft.jsch.agentproxy.connector.SSHAgentConnector;
import com.jcraft.jsch.agentproxy.sshj.AuthAgent;
import com.jcraft.jsch.agentproxy.usocket.JNAUSocketFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.userauth.method.AuthMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's ssh-agent, reached through jsch-agent-proxy because sshj has no agent client of its
 * own. The agent keeps the private keys and only signs, so passphrase-protected keys work here
 * (RSA ones only with servers that still take SHA-1 signatures, see {@link #offer}).
 * One instance serves a connector's logins: the socket is probed on first use and an agent that
 * cannot be reached is reported once, after which logins go on with key files alone.
 */
final class SshAgent {

    private static final Logger LOG = LoggerFactory.getLogger(SshAgent.class);

    /** What the agent gives one login: a method per identity, and how to name that in an error. */
    record Offer(List<AuthMethod> methods, String description) {
    }

    private final Optional<Path> socket;
    private AgentProxy proxy;
    private boolean unreachable;

    SshAgent(Optional<Path> socket) {
        this.socket = socket;
    }

    static Offer notTried(String why) {
        return new Offer(List.of(), "ssh-agent not tried (" + why + ")");
    }

    /**
     * Every identity the agent holds, less those whose public key blob is in {@code fromFiles}: a key
     * offered twice costs a second try against the server's MaxAuthTries.
     */
    synchronized Offer offer(Set<ByteBuffer> fromFiles) {
        if (socket.isEmpty()) {
            return notTried("SSH_AUTH_SOCK is not set");
        }
        Path path = socket.get();
        AgentProxy agent = open(path);
        if (agent == null) {
            return new Offer(List.of(), "ssh-agent at " + path + " not reachable");
        }
        // Asked per login: keys may be added or removed between runs of a long-lived connector.
        Identity[] identities = agent.getIdentities();
        List<AuthMethod> methods = new ArrayList<>();
        List<AuthMethod> rsa = new ArrayList<>();
        for (Identity identity : identities) {
            if (fromFiles.contains(ByteBuffer.wrap(identity.getBlob()))) {
                continue;
            }
            try {
                String type = new Buffer.PlainBuffer(identity.getBlob()).readString();
                (type.startsWith("ssh-rsa") ? rsa : methods).add(new AuthAgent(agent, identity));
            } catch (Buffer.BufferException e) {
                LOG.warn("Skipping an ssh-agent identity whose public key sshj cannot read");
            }
        }
        // jsch-agent-proxy asks the agent for SHA-1 RSA signatures only (no rsa-sha2 flags), which
        // OpenSSH 8.8 and later refuse: try those keys last, and say so if the login fails.
        methods.addAll(rsa);
        String what = identities.length == 0 ? "holds no keys" : "offered " + identities.length + " key(s)";
        if (!rsa.isEmpty()) {
            what += ", " + rsa.size() + " of them RSA, which Quorum can only sign with SHA-1 through the agent"
                    + " (refused by OpenSSH 8.8 and later: use an ed25519 key)";
        }
        return new Offer(methods, "ssh-agent at " + path + " " + what);
    }

    private AgentProxy open(Path path) {
        if (proxy != null || unreachable) {
            return proxy;
        }
        try {
            proxy = new AgentProxy(new SSHAgentConnector(new JNAUSocketFactory(), path.toString()));
        } catch (AgentProxyException e) {
            // Its text for any failed connect reads "failed to fctrl usocket"; name the common cause.
            unreachable(Files.exists(path) ? "nothing answers on it: " + e.getMessage() : "no such socket", path);
        } catch (LinkageError e) {
            // JNA could not load its native part (e.g. a noexec temp dir).
            unreachable(e.toString(), path);
        }
        return proxy;
    }

    private void unreachable(String why, Path path) {
        unreachable = true;
        LOG.warn("Cannot connect to the ssh-agent at {} ({}); logging in with key files only", path, why);
    }
}
