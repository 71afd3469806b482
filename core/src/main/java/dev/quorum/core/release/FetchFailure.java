package dev.quorum.core.release;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Says what went wrong when a release could not be fetched, in words an operator can act on.
 * Java's HTTP client often throws exceptions without a message (a refused connection is a
 * {@code ConnectException} whose message is null, its cause a {@code ClosedChannelException}),
 * so the kind is read from the whole cause chain, not from {@code getMessage()}.
 */
record FetchFailure(String what, String hint) {

    private static final String URL_HINT = "check etcd_download_url";

    static FetchFailure of(URI url, IOException error) {
        List<Throwable> chain = chain(error);
        String server = server(url);
        Optional<HttpStatusException> status = find(chain, HttpStatusException.class);
        if (status.isPresent()) {
            return new FetchFailure("the server answered HTTP status " + status.get().status(),
                    status.get().status() == 404 ? "check the version and architecture in etcd_download_url" : URL_HINT);
        }
        if (find(chain, UnknownHostException.class).isPresent() || find(chain, UnresolvedAddressException.class).isPresent()) {
            return new FetchFailure("unknown host " + url.getHost(),
                    "check the host name in etcd_download_url and this workstation's DNS");
        }
        Optional<SSLException> tls = find(chain, SSLException.class);
        if (tls.isPresent()) {
            return new FetchFailure("TLS failure with " + server + ": " + messageOf(tls.get()),
                    "check this workstation's clock and that the server's certificate is trusted "
                            + "(a proxy that intercepts TLS needs its CA in Java's trust store)");
        }
        if (find(chain, HttpConnectTimeoutException.class).isPresent()) {
            return new FetchFailure("connecting to " + server + " timed out",
                    "check that this workstation can reach " + server + " (firewall, proxy)");
        }
        if (find(chain, HttpTimeoutException.class).isPresent() || find(chain, SocketTimeoutException.class).isPresent()) {
            return new FetchFailure("timed out waiting for " + server, "the server is slow or stalled; try again");
        }
        if (find(chain, NoRouteToHostException.class).isPresent()) {
            return new FetchFailure("no route to " + server, "check this workstation's network and firewall");
        }
        if (find(chain, ConnectException.class).isPresent()) {
            return new FetchFailure("connection refused by " + server,
                    "check the host and port in etcd_download_url: nothing accepts connections there");
        }
        Optional<NoSuchFileException> missing = find(chain, NoSuchFileException.class);
        if (missing.isPresent()) {
            return new FetchFailure("no such file " + missing.get().getFile(), URL_HINT);
        }
        Optional<AccessDeniedException> denied = find(chain, AccessDeniedException.class);
        if (denied.isPresent()) {
            return new FetchFailure("permission denied reading " + denied.get().getFile(), "make the file readable");
        }
        return new FetchFailure(messageOf(error), URL_HINT);
    }

    /** {@code host:port}, the port the scheme implies when the URL has none. */
    private static String server(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return url.getHost() + ":" + port;
    }

    /** The first message in the chain, else the exception's kind: never "null". */
    private static String messageOf(Throwable error) {
        for (Throwable t : chain(error)) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return error.getClass().getSimpleName();
    }

    private static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static <T extends Throwable> Optional<T> find(List<Throwable> chain, Class<T> kind) {
        return chain.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }
}
