package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
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
 * The steps after this one talk to etcd from the workstation (member changes, health checks), so
 * a plan that would stop, move or restore data first makes sure the workstation reaches every
 * member's client port. A connection refused proves the path is open (etcd is simply not
 * listening); a timeout or no route is a firewall or a dead network, and refuses before anything
 * changes, naming what could not be reached.
 */
public final class ClientPortStep implements Step {
    private static final int CONNECT_MILLIS = 3_000;

    private final List<EtcdMember> members;

    public ClientPortStep(List<EtcdMember> members) {
        this.members = List.copyOf(members);
    }

    @Override
    public String title() {
        return "Check this workstation reaches etcd's client port on every member";
    }

    @Override
    public List<String> preview(String target) {
        return members.stream().map(m -> "nc -z -w 3 " + m.address() + " " + EtcdMember.CLIENT_PORT
                + "   # from this workstation").toList();
    }

    @Override
    public Check check(StepContext context) throws Exception {
        List<String> unreached = unreached(members);
        if (!unreached.isEmpty()) {
            throw new StepFailedException("this workstation cannot reach etcd's client port on "
                    + String.join(", ", unreached) + "; the steps that follow talk to etcd from here, so nothing "
                    + "was changed", "open TCP " + EtcdMember.CLIENT_PORT + " from this workstation to the members "
                    + "(firewall, security group) or run Quorum where it is open; quorum diagnose shows what the "
                    + "members themselves report, over SSH");
        }
        return Check.done("client port " + EtcdMember.CLIENT_PORT + " reachable on every member");
    }

    /** "lab1 (10.0.0.1:2379: timed out after 3 s)" for each member whose client port this workstation cannot reach. */
    public static List<String> unreached(List<EtcdMember> members) {
        Map<String, EtcdMember> byHost = members.stream().collect(Collectors.toMap(EtcdMember::hostName, m -> m));
        Map<String, Optional<String>> blocked = FanOut.forEach(byHost.keySet(), Math.max(1, members.size()),
                host -> whyNotReached(byHost.get(host))).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().ok() ? e.getValue().value()
                        : Optional.of(String.valueOf(e.getValue().error().getMessage()))));
        return members.stream().filter(m -> blocked.get(m.hostName()).isPresent())
                .map(m -> m.hostName() + " (" + m.address() + ":" + EtcdMember.CLIENT_PORT + ": "
                        + blocked.get(m.hostName()).get() + ")").toList();
    }

    static Optional<String> whyNotReached(EtcdMember member) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(member.address(), EtcdMember.CLIENT_PORT), CONNECT_MILLIS);
            return Optional.empty();
        } catch (ConnectException refused) {
            if (String.valueOf(refused.getMessage()).contains("refused")) {
                return Optional.empty(); // the host answered: nothing listens yet, the path is open
            }
            return Optional.of(String.valueOf(refused.getMessage()));
        } catch (SocketTimeoutException timedOut) {
            return Optional.of("timed out after " + CONNECT_MILLIS / 1000 + " s");
        } catch (IOException other) {
            return Optional.of(other.getClass().getSimpleName() + ": " + other.getMessage());
        }
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("a guard only checks");
    }
}
