package dev.quorum.core.etcd;

import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.remote.FanOut;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether this workstation reaches etcd's client port on members, by a plain TCP connect. An
 * etcd call that gets no answer cannot tell "etcd is down" from "a firewall drops the packets";
 * this can: a connection refused proves the path is open (nothing listens), a timeout or no route
 * is the network between here and the host. Every life-cycle that would otherwise conclude
 * "no quorum" from silence asks this first, so a blocked port is named as such.
 */
public final class ClientPortReach {
    static final int CONNECT_MILLIS = 3_000;
    /** A refusal comes back in about one round trip; on any LAN or VPN far less than this. */
    static final int REFUSAL_WAIT_MILLIS = 500;

    private ClientPortReach() {
    }

    /** The members whose client port this workstation cannot reach, each as "host (address:2379: why)". */
    public static List<String> unreached(List<EtcdMember> members) {
        Map<String, EtcdMember> byHost = members.stream()
                .collect(Collectors.toMap(EtcdMember::hostName, m -> m, (a, b) -> a));
        Map<String, Optional<String>> why = FanOut.forEach(byHost.keySet(), Math.max(1, byHost.size()),
                host -> whyNotReached(byHost.get(host).address(), byHost.get(host).clientPort())).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().ok() ? e.getValue().value()
                        : Optional.of(String.valueOf(e.getValue().error().getMessage()))));
        return members.stream().filter(m -> byHost.get(m.hostName()) == m && why.get(m.hostName()).isPresent())
                .map(m -> m.hostName() + " (" + m.address() + ":" + m.clientPort() + ": "
                        + why.get(m.hostName()).get() + ")").toList();
    }

    /** Why this workstation cannot reach the client port at {@code address}; empty when it can. */
    public static Optional<String> whyNotReachedAt(String address) {
        return whyNotReached(address, EtcdMember.CLIENT_PORT);
    }

    /** Like {@link #whyNotReachedAt(String)} for another client port (the events cluster's). */
    public static Optional<String> whyNotReachedAt(String address, int port) {
        return whyNotReached(address, port);
    }

    /** What a user can do about it, for every message that names unreached client ports. */
    public static String hint() {
        return "open TCP " + EtcdMember.CLIENT_PORT + " from this workstation to the members (firewall, security "
                + "group), run Quorum where it is open, or let it go through SSH (--etcd-via-ssh, or "
                + "quorum_etcd_via_ssh: true in the inventory); quorum diagnose shows what the members themselves report, "
                + "over SSH";
    }

    static Optional<String> whyNotReached(String address, int port) {
        try {
            knock(address, port, CONNECT_MILLIS); // listening or refused: the host answered, the path is open
            return Optional.empty();
        } catch (IOException notReached) {
            return Optional.of(notReached instanceof SocketTimeoutException
                    ? "timed out after " + CONNECT_MILLIS / 1000 + " s"
                    : notReached instanceof ConnectException ? String.valueOf(notReached.getMessage())
                    : notReached.getClass().getSimpleName() + ": " + notReached.getMessage());
        }
    }

    /** Whether the host refused a TCP connection to {@code port} within {@value #REFUSAL_WAIT_MILLIS} ms. */
    static boolean refuses(String address, int port) {
        try {
            return knock(address, port, REFUSAL_WAIT_MILLIS) == Knock.REFUSED;
        } catch (IOException silentOrElse) {
            return false;
        }
    }

    private enum Knock { LISTENING, REFUSED }

    /** What the host answered to a TCP connection; no answer in time, or any other failure, is thrown. */
    private static Knock knock(String address, int port, int millis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), millis);
            return Knock.LISTENING;
        } catch (ConnectException refused) {
            if (String.valueOf(refused.getMessage()).contains("refused")) {
                return Knock.REFUSED;
            }
            throw refused;
        }
    }
}
