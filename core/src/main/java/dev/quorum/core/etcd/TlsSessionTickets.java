package dev.quorum.core.etcd;

import io.netty.handler.ssl.SslContextBuilder;

/**
 * The etcd client keeps no TLS 1.3 session tickets. jetcd opens a new connection for every call aimed at one member
 * ({@code statusMember}: the app's status, five members once a second), through the same TLS context as the client's
 * long-lived connections. The JDK client stores each ticket a server sends as a new session and files it under the
 * session of the connection it came on ({@code SSLSessionImpl.addChild}); the next call resumes from that ticket, so
 * every session ever made hangs off the first one, which the long-lived connection keeps: 5 sessions a second, never
 * freed (870 after 3 minutes, decision 0057). The JDK discards a TLS 1.3 ticket when its session cache keeps sessions
 * longer than the 7 days RFC 8446 allows a ticket; so this context keeps them a second longer, and every connection
 * makes a full handshake. The cache itself (TLS 1.2 sessions, which are resumed in place) is kept small.
 */
final class TlsSessionTickets {
    /** RFC 8446, 4.6.1: a ticket lives at most 7 days; a longer session lifetime makes the JDK drop every ticket. */
    static final long NO_TICKETS_SECONDS = 604_800 + 1;
    static final long CACHED_SESSIONS = 64;

    private TlsSessionTickets() {
    }

    static SslContextBuilder noneKept(SslContextBuilder builder) {
        return builder.sessionTimeout(NO_TICKETS_SECONDS).sessionCacheSize(CACHED_SESSIONS);
    }
}
