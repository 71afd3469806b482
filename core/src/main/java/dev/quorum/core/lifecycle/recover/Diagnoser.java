package dev.quorum.core.lifecycle.recover;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryHost;
import dev.quorum.core.remote.AuthenticationFailedException;
import dev.quorum.core.remote.ChangedHostKeyException;
import dev.quorum.core.remote.FanOut;
import dev.quorum.core.remote.HostUnreachableException;
import dev.quorum.core.remote.RemoteException;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.UnknownHostKeyException;
import dev.quorum.core.remote.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks every host of the cluster, in parallel and over SSH, what it sees, and classifies the
 * answers. The hosts asked are the inventory's etcd group plus any inventory host that a
 * member list names (a member added or replaced since the inventory was written).
 */
public final class Diagnoser {
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(10);
    private static final int PARALLELISM = 16;

    private final ClusterSession session;
    private final Clock clock;

    public Diagnoser(ClusterSession session) {
        this(session, Clock.systemUTC());
    }

    Diagnoser(ClusterSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    /** @param inventoryArg how the user named the inventory, for the commands the diagnosis recommends */
    public Diagnosis diagnose(String inventoryArg) {
        Inventory inventory = session.inventory();
        List<EtcdMember> subjects = new ArrayList<>(inventory.etcdMembers());
        Map<String, HostReport> reports = new LinkedHashMap<>(inspect(subjects, allPeers(inventory)));
        List<EtcdMember> more = listedElsewhere(inventory, subjects, reports);
        if (!more.isEmpty()) {
            subjects.addAll(more);
            reports.putAll(inspect(more, allPeers(inventory)));
        }
        return Classifier.classify(subjects, reports, inventoryArg, inventory.etcd(), clock.instant());
    }

    /**
     * Diagnoses until the members' hosts show a majority with a leader, or for two election
     * timeouts: only then is "no quorum" believed (an election in progress looks the same). Unless
     * so many voters are stopped that no election can be under way (decision 0078).
     */
    public Diagnosis watchForQuorum(String inventoryArg, Cancellation cancellation) throws Exception {
        return DiagnosisWait.until(() -> diagnose(inventoryArg), d -> d.hasQuorum() || d.quorum().noMajorityCanRun(),
                Diagnosis.settleTime(session.inventory().etcd().electionMillis()), cancellation);
    }

    private Map<String, HostReport> inspect(List<EtcdMember> members, List<String> peerAddresses) {
        Map<String, EtcdMember> byHost = new LinkedHashMap<>();
        members.forEach(m -> byHost.put(m.hostName(), m));
        Map<String, Outcome<HostReport>> outcomes = FanOut.forEach(byHost.keySet(), PARALLELISM, host -> {
            EtcdMember member = byHost.get(host);
            List<String> peers = peerAddresses.stream().filter(a -> !a.equals(member.address())).toList();
            String script = InspectionScript.render(session.inventory().etcd(), peers);
            return HostReportParser.parse(host, member.address(), inspectOnce(host, script));
        });
        Map<String, HostReport> reports = new LinkedHashMap<>();
        outcomes.forEach((host, outcome) -> reports.put(host, outcome.ok() ? outcome.value()
                : HostReport.unreachable(host, byHost.get(host).address(), describe(outcome.error()))));
        return reports;
    }

    /**
     * Runs the inspection; a hiccup on an open connection (a command or channel that timed out, a
     * dropped transport) is tried once more on a fresh connection, so one slow moment is not taken
     * for a host that is gone. Failures to connect, and host key or login refusals, are final.
     */
    private String inspectOnce(String host, String script) throws Exception {
        RemoteHost remote = session.remote(host);
        try {
            return remote.run(script, SCRIPT_TIMEOUT).stdout();
        } catch (HostUnreachableException | UnknownHostKeyException | ChangedHostKeyException
                 | AuthenticationFailedException refused) {
            throw refused;
        } catch (RuntimeException hiccup) {
            remote.close();
            try {
                return session.remote(host).run(script, SCRIPT_TIMEOUT).stdout();
            } catch (RuntimeException again) {
                again.addSuppressed(hiccup);
                throw new RemoteException("SSH to " + host + " failed twice, the second time on a fresh "
                        + "connection: " + describe(hiccup) + "; then " + describe(again),
                        "check sshd on " + host + " (journalctl -u ssh; MaxStartups, MaxSessions) and the network",
                        again);
            }
        }
    }

    /** Every address a member may be on: the etcd group first, then the other inventory hosts. */
    private static List<String> allPeers(Inventory inventory) {
        List<String> addresses = new ArrayList<>(inventory.etcdMembers().stream().map(EtcdMember::address).toList());
        inventory.hosts().stream().map(InventoryHost::address).filter(a -> !addresses.contains(a))
                .forEach(addresses::add);
        return addresses;
    }

    /** Inventory hosts outside the etcd group that some member list names. */
    private static List<EtcdMember> listedElsewhere(Inventory inventory, List<EtcdMember> subjects,
                                                    Map<String, HostReport> reports) {
        List<EtcdMember> more = new ArrayList<>();
        for (HostReport report : reports.values()) {
            for (ListedMember listed : report.memberList()) {
                for (InventoryHost host : inventory.hosts()) {
                    EtcdMember candidate = new EtcdMember(host, listed.name(), inventory.layout());
                    boolean known = subjects.stream().anyMatch(s -> s.hostName().equals(host.name()))
                            || more.stream().anyMatch(s -> s.hostName().equals(host.name()));
                    if (!known && listed.peerUrls().contains(candidate.peerUrl())) {
                        more.add(candidate);
                    }
                }
            }
        }
        return more;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
