package dev.quorum.core.remote;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ssh -L 127.0.0.1:PORT:TO_HOST:TO_PORT}: a listener on a free loopback port of this workstation
 * whose every accepted connection becomes a direct-tcpip channel over the host's SSH connection. Unlike
 * sshj's LocalPortForwarder it keeps hold of what it started, so {@link #close()} ends the listener, every
 * forwarded connection and its threads, and returns only when they are gone.
 */
public final class PortForward implements AutoCloseable {
    /** Threads of every forward start with this, so a test can tell that none outlived its session. */
    public static final String THREAD_PREFIX = "quorum-forward-";

    private static final Logger LOG = LoggerFactory.getLogger(PortForward.class);

    private final String hostName;
    private final Supplier<SSHClient> connection;
    private final String toHost;
    private final int toPort;
    private final ServerSocket listener;
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile Thread acceptor;

    private PortForward(String hostName, Supplier<SSHClient> connection, String toHost, int toPort)
            throws IOException {
        this.hostName = hostName;
        this.connection = connection;
        this.toHost = toHost;
        this.toPort = toPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    /** Starts listening; {@code connection} gives the host's current SSH connection for each new channel. */
    static PortForward open(String hostName, Supplier<SSHClient> connection, String toHost, int toPort) {
        PortForward forward;
        try {
            forward = new PortForward(hostName, connection, toHost, toPort);
        } catch (IOException e) {
            throw new RemoteException("Cannot listen on a loopback port for a tunnel to " + hostName + ": "
                    + e.getMessage(), "Check that this workstation may open local ports.", e);
        }
        forward.acceptor = forward.start("accept", forward::acceptLoop);
        return forward;
    }

    /** The loopback port this workstation connects to. */
    public int localPort() {
        return listener.getLocalPort();
    }

    /** Where connections end up, from the host's point of view, e.g. {@code 127.0.0.1:2379}. */
    public String destination() {
        return toHost + ":" + toPort;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("{}: tunnel listener stopped: {}", hostName, e.toString());
                }
                return;
            }
            open.add(socket);
            try {
                DirectConnection channel = connection.get().newDirectConnection(toHost, toPort);
                open.add(channel);
                OutputStream toChannel = channel.getOutputStream();
                start("up", () -> pump(socket, channel, socket::getInputStream, () -> toChannel));
                // The socket's stream is asked for inside the thread's pump: the up direction may already have
                // closed the socket (a client that connects and leaves at once), which is an ordinary end.
                start("down", () -> pump(socket, channel, channel::getInputStream, socket::getOutputStream));
            } catch (IOException | RuntimeException e) {
                // The client sees its connection close, as with ssh -L when the far end refuses.
                LOG.debug("{}: cannot open a channel to {}: {}", hostName, destination(), e.toString());
                closeQuietly(socket);
                open.remove(socket);
            }
        }
    }

    private interface Source {
        InputStream get() throws IOException;
    }

    private interface Sink {
        OutputStream get() throws IOException;
    }

    /**
     * One direction of a connection; when either ends, both sides close, as gRPC and HTTP never half-close.
     * The channel's input stream is never closed here: sshj marks a closed one EOF, and data the far end sent
     * before it saw our CLOSE would then arrive on an EOF'ed stream, which sshj treats as a protocol error that
     * ends the host's whole SSH connection ("Getting data on EOF'ed stream"). Closing the channel sends CLOSE;
     * sshj closes its streams when the far end's CLOSE arrives, after which nothing more comes.
     */
    private void pump(Socket socket, DirectConnection channel, Source from, Sink sink) {
        try {
            InputStream in = from.get();
            OutputStream to = sink.get();
            byte[] buffer = new byte[32 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            LOG.trace("{}: forwarded connection ended: {}", hostName, e.toString());
        } finally {
            closeQuietly(socket);
            closeQuietly(channel);
            open.remove(socket);
            open.remove(channel);
        }
    }

    private Thread start(String role, Runnable body) {
        Thread thread = new Thread(body, THREAD_PREFIX + hostName + "-" + role);
        thread.setDaemon(true);
        // A thread leaves the set only once it has ended (a thread removing itself is still alive for a moment, and
        // close() would not wait for it); pruned here, so a long-lived tunnel does not keep every thread it ran.
        threads.removeIf(t -> !t.isAlive());
        threads.add(thread);
        thread.start();
        return thread;
    }

    /** Stops listening, closes every forwarded connection and waits for their threads to end. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        try {
            // Once the acceptor has ended no connection or thread is added, so what is left is all there is.
            acceptor.join();
            new ArrayList<Closeable>(open).forEach(PortForward::closeQuietly);
            for (Thread thread : new ArrayList<>(threads)) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            LOG.trace("closing a forwarded connection: {}", e.toString());
        }
    }
}
