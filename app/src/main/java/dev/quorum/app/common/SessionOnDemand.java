package dev.quorum.app.common;

import dev.quorum.core.cluster.ClusterSession;
import java.util.function.Supplier;

/**
 * A cluster session opened on first use and kept until closed, for a view's readers that refresh for as long as
 * the view is open (its SSH tunnels and etcd client are set up once, not at every read). After {@link #close}
 * nothing opens it again: a late read from a closed view fails instead of leaking a new session.
 */
public final class SessionOnDemand implements AutoCloseable {
    private final Supplier<ClusterSession> opener;
    private final String closedMessage;
    private ClusterSession session;
    private boolean closed;

    /** @param closedMessage what a read after close says, e.g. "the status source of NAME is closed" */
    public SessionOnDemand(Supplier<ClusterSession> opener, String closedMessage) {
        this.opener = opener;
        this.closedMessage = closedMessage;
    }

    public synchronized ClusterSession get() {
        if (closed) {
            throw new IllegalStateException(closedMessage);
        }
        if (session == null) {
            session = opener.get();
        }
        return session;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
