package dev.quorum.core.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.userauth.UserAuthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens SSH connections with sshj and keeps one per host name, so a run's many commands on a
 * host share one login. {@link #close()} closes them all; closing a returned host closes its
 * connection and the next {@link #connect} opens a new one.
 *
 * <p>A target with a {@link JumpHost} is reached through one connection to that bastion (opened on
 * first use, shared by every host behind it, host key checked like any host's): the target's SSH runs
 * inside a direct-tcpip channel, so its own host key and login are checked end to end as if direct.
 */
public final class SshConnector implements AutoCloseable {
    static {
        SshjProviders.useJdk(); // before sshj decides on BouncyCastle (decision 0055)
    }

    private static final Logger LOG = LoggerFactory.getLogger(SshConnector.class);

    /**
     * Notices a dead peer (reboot, cut network) within 20 s instead of never: a command running on
     * a host that vanished would otherwise wait for its whole timeout (minutes). sshd answers
     * keep-alives itself, however busy the command is, so four missed in a row means gone.
     */
    private static final int KEEP_ALIVE_SECONDS = 5;
    private static final int KEEP_ALIVE_MISSES = 4;
    /** sshj's wait for protocol replies (key exchange, channel open); 30 s default is long. */
    private static final int MIN_TRANSPORT_TIMEOUT_MS = 15_000;

    private final SshOptions options;
    private volatile DefaultConfig config;
    private final SshAgent agent;
    private final Map<String, SshRemoteHost> open = new ConcurrentHashMap<>();
    private final Map<String, Object> hostLocks = new ConcurrentHashMap<>();
    private final Map<JumpHost, SSHClient> bastions = new ConcurrentHashMap<>();
    private final Map<JumpHost, Object> bastionLocks = new ConcurrentHashMap<>();

    public SshConnector(SshOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.agent = new SshAgent(options.agentSocket());
    }

    /**
     * Building the algorithm lists is the slow part of a client (it tries each cipher), so it is
     * shared between hosts, and built on first use: a command whose first SSH work runs beside its etcd reads
     * (quorum status) does not wait for it on its main thread.
     */
    private DefaultConfig config() {
        DefaultConfig built = config;
        if (built == null) {
            synchronized (this) {
                built = config;
                if (built == null) {
                    built = OpenSshOffer.applyTo(new DefaultConfig());
                    built.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
                    config = built;
                }
            }
        }
        return built;
    }

    /** The open connection to {@code hostName}, or a new one (host key checked, logged in). */
    public RemoteHost connect(String hostName, SshTarget target) {
        synchronized (hostLocks.computeIfAbsent(hostName, k -> new Object())) {
            SshRemoteHost existing = open.get(hostName);
            if (existing != null && existing.target().equals(target) && existing.isConnected()) {
                return existing;
            }
            if (existing != null) {
                existing.close();
            }
            SshRemoteHost host = new SshRemoteHost(hostName, target, openClient(hostName, target), options,
                    closed -> open.remove(hostName, closed));
            open.put(hostName, host);
            return host;
        }
    }

    /**
     * A local port forward to {@code toHost:toPort} as {@code hostName} sees it, over that host's SSH
     * connection (so through its bastion, if any). Each forwarded connection asks for the host's current
     * connection, so one that dropped is opened again. The caller closes the forward before this connector.
     */
    public PortForward forward(String hostName, SshTarget target, String toHost, int toPort) {
        connect(hostName, target); // log in now, so an unreachable host fails here and not inside a listener
        return PortForward.open(hostName, () -> ((SshRemoteHost) connect(hostName, target)).client(), toHost, toPort);
    }

    @Override
    public void close() {
        for (SshRemoteHost host : open.values()) {
            host.close();
        }
        open.clear();
        for (SSHClient bastion : bastions.values()) {
            closeQuietly(bastion);
        }
        bastions.clear();
    }

    private SSHClient openClient(String hostName, SshTarget target) {
        long started = System.nanoTime();
        KnownHostsPolicy policy = new KnownHostsPolicy(hostName,
                new KnownHostsFile(options.knownHostsFile()), options.acceptNewHostKeys());
        SSHClient client = newClient(policy);
        try {
            ClientKeys.Loaded keys = ClientKeys.load(client, hostName, target, options, agent);
            if (target.jump().isPresent()) {
                handshakeThrough(client, policy, hostName, target, target.jump().get());
            } else {
                handshake(client, policy, hostName, target);
            }
            login(client, keys, hostName, target);
        } catch (RuntimeException e) {
            closeQuietly(client);
            throw e;
        }
        LOG.debug("{}: connected to {}@{}:{}{} in {} ms", hostName, target.user(), target.address(), target.port(),
                target.jump().map(j -> " through " + j.spec()).orElse(""), (System.nanoTime() - started) / 1_000_000);
        return client;
    }

    private SSHClient newClient(KnownHostsPolicy policy) {
        SSHClient client = new SSHClient(config());
        client.addHostKeyVerifier(policy);
        int connectMs = (int) options.connectTimeout().toMillis();
        client.setConnectTimeout(connectMs);
        client.getTransport().setTimeoutMs(Math.max(MIN_TRANSPORT_TIMEOUT_MS, 3 * connectMs));
        client.getConnection().getKeepAlive().setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        if (client.getConnection().getKeepAlive() instanceof KeepAliveRunner runner) {
            runner.setMaxAliveCount(KEEP_ALIVE_MISSES);
        }
        return client;
    }

    /** The open connection to {@code jump}, or a new one; an unreachable bastion names itself. */
    private SSHClient bastion(String hostName, JumpHost jump) {
        synchronized (bastionLocks.computeIfAbsent(jump, k -> new Object())) {
            SSHClient existing = bastions.get(jump);
            if (existing != null && existing.isConnected() && existing.isAuthenticated()) {
                return existing;
            }
            if (existing != null) {
                bastions.remove(jump);
                closeQuietly(existing);
            }
            SSHClient opened;
            try {
                opened = openClient(jump.displayName(), jump.target());
            } catch (HostUnreachableException e) {
                throw new BastionUnreachableException(hostName, jump, e.getCause() == null ? e : e.getCause());
            }
            bastions.put(jump, opened);
            return opened;
        }
    }

    private void handshakeThrough(SSHClient client, KnownHostsPolicy policy, String hostName, SshTarget target,
                                  JumpHost jump) {
        DirectConnection channel;
        try {
            channel = bastion(hostName, jump).newDirectConnection(target.address(), target.port());
        } catch (OpenFailException e) {
            throw HostUnreachableException.behindBastion(hostName, target, jump, e);
        } catch (IOException e) {
            throw new BastionUnreachableException(hostName, jump, e);
        }
        try {
            client.connectVia(channel);
        } catch (IOException e) {
            if (policy.rejection().isPresent()) {
                throw policy.rejection().get();
            }
            OpenSshOffer.refuseWhenNoneInCommon(hostName + " at " + target.address() + ":" + target.port()
                    + " through the bastion " + jump.spec(), e);
            throw new RemoteException("SSH handshake with " + hostName + " at " + target.address() + ":"
                    + target.port() + " through the bastion " + jump.spec() + " failed: " + e.getMessage(),
                    "Check that an SSH server (OpenSSH) listens on that port of " + hostName + ".", e);
        }
    }

    private static void handshake(SSHClient client, KnownHostsPolicy policy, String hostName, SshTarget target) {
        try {
            client.connect(target.address(), target.port());
        } catch (IOException e) {
            if (policy.rejection().isPresent()) {
                throw policy.rejection().get();
            }
            if (isUnreachable(e)) {
                throw new HostUnreachableException(hostName, target.address(), target.port(), e);
            }
            OpenSshOffer.refuseWhenNoneInCommon(hostName + " at " + target.address() + ":" + target.port(), e);
            throw new RemoteException("SSH handshake with " + hostName + " at " + target.address() + ":"
                    + target.port() + " failed: " + e.getMessage(),
                    "Check that an SSH server (OpenSSH) listens on that port.", e);
        }
    }

    private static void login(SSHClient client, ClientKeys.Loaded keys, String hostName, SshTarget target) {
        if (keys.methods().isEmpty()) {
            throw new AuthenticationFailedException(hostName, target.user(), keys.paths(), keys.agent(), null);
        }
        try {
            client.auth(target.user(), keys.methods());
        } catch (UserAuthException e) {
            throw new AuthenticationFailedException(hostName, target.user(), keys.paths(), keys.agent(), e);
        } catch (IOException e) {
            throw new RemoteException("SSH login on " + hostName + " broke off: " + e.getMessage(),
                    "Check the host's sshd log (journalctl -u ssh) and re-run.", e);
        }
    }

    private static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException || t instanceof UnknownHostException
                    || t instanceof PortUnreachableException) {
                return true;
            }
        }
        return false;
    }

    static void closeQuietly(SSHClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing SSH client: {}", e.toString());
        }
    }
}
