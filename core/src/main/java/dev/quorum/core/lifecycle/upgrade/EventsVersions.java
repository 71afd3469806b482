package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.remote.Shell;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@link EventsVersionGate} decides from: versions reported by members and by the binary on each host. */
final class EventsVersions {
    private static final Pattern ETCD_VERSION = Pattern.compile("etcd Version: (\\S+)");

    private EventsVersions() {
    }

    /** Each member's running version by member name; empty where it did not answer. */
    static Map<String, Optional<EtcdVersion>> running(LifecycleSession session) {
        Map<String, Optional<EtcdVersion>> versions = new LinkedHashMap<>();
        for (MemberStatus member : HealthWait.probe(session).members()) {
            versions.put(member.memberName().isEmpty() ? member.hostName() : member.memberName(), member.version());
        }
        return versions;
    }

    /** {@code bin_dir/etcd --version} on each member's host; empty where SSH or the binary did not answer. */
    static Map<String, Optional<EtcdVersion>> binaries(LifecycleSession session) {
        Map<String, Optional<EtcdVersion>> versions = new LinkedHashMap<>();
        String etcd = Shell.quote(session.settings().binDir() + "/etcd");
        for (EtcdMember member : session.members()) {
            Optional<EtcdVersion> version;
            try {
                version = parse(session.remote(member.hostName()).run(etcd + " --version 2>&1").stdout());
            } catch (Exception e) {
                version = Optional.empty();
            }
            versions.put(member.hostName(), version);
        }
        return versions;
    }

    /**
     * What each events member going from 3.5 to 3.6 on its next restart says about its data dir: {@code etcdutl check
     * v2store} (decision 0043: etcd 3.6 refuses to start on custom v2 content) and the current members its v3 store
     * marks removed (decision 0067: etcd 3.6 would refuse them as peers). Members not on that hop are left out; one
     * whose host did not answer, or whose cluster's member list could not be read, is unknown.
     *
     * @param running each member's running version by member name, as {@link #running} reports it
     */
    static HopChecks hopChecks(LifecycleSession session, Map<String, Optional<EtcdVersion>> running,
                               EtcdVersion target) {
        HopChecks checks = new HopChecks(new LinkedHashMap<>(), new LinkedHashMap<>());
        if (!target.line().equals("3.6")) {
            return checks;
        }
        Optional<List<MemberInfo>> current = currentMembers(session);
        for (EtcdMember member : session.members()) {
            Optional<EtcdVersion> version = running.getOrDefault(member.memberName(), Optional.empty());
            if (version.map(v -> v.line().equals("3.5")).orElse(false)) {
                checkHop(session, member, version.get(), current, checks);
            }
        }
        return checks;
    }

    /**
     * Before a downgrade: each events member on a newer minor than the target, asked for its storage version and the
     * downgrade enabled on it (decision 0068); one that did not answer is unknown.
     *
     * @param running each member's running version by member name, as {@link #running} reports it
     */
    static Map<String, DowngradeStatus> downgradeStates(LifecycleSession session,
                                                        Map<String, Optional<EtcdVersion>> running, EtcdVersion target) {
        Map<String, DowngradeStatus> states = new LinkedHashMap<>();
        for (EtcdMember member : session.members()) {
            Optional<EtcdVersion> version = running.getOrDefault(member.memberName(), Optional.empty());
            if (version.map(v -> v.compareTo(target) > 0 && !v.sameLine(target)).orElse(false)) {
                states.put(member.memberName(), DowngradeStatus.read(session, member));
            }
        }
        return states;
    }

    /** The events members' answers for the 3.5 -> 3.6 hop, by member name. */
    record HopChecks(Map<String, V2Store> v2Stores, Map<String, RemovedMarks> removedMarks) {
    }

    private static void checkHop(LifecycleSession session, EtcdMember member, EtcdVersion running,
                                 Optional<List<MemberInfo>> current, HopChecks checks) {
        String name = member.memberName();
        try {
            HostObservation host = HostObservation.read(session.remote(member.hostName()), session.settings(), running,
                    true, true);
            checks.v2Stores().put(name, host.v2Store());
            checks.removedMarks().put(name, current.map(members -> RemovedMarks.of(host.removedMarks(), members))
                    .orElse(RemovedMarks.NOT_READ));
        } catch (Exception e) {
            checks.v2Stores().put(name, V2Store.UNKNOWN);
            checks.removedMarks().put(name, RemovedMarks.NOT_READ);
        }
    }

    private static Optional<List<MemberInfo>> currentMembers(LifecycleSession session) {
        try {
            return Optional.of(LiveCluster.read(session.cluster()).list());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<EtcdVersion> parse(String output) {
        Matcher matcher = ETCD_VERSION.matcher(output);
        return matcher.find() ? EtcdVersion.tryParse(matcher.group(1)) : Optional.empty();
    }

    /** Every member answers with the target: the events cluster has nothing left to restart. */
    static boolean allOn(LifecycleSession session, EtcdVersion target) {
        Map<String, Optional<EtcdVersion>> versions = running(session);
        return !versions.isEmpty() && versions.values().stream().allMatch(v -> v.map(target::equals).orElse(false));
    }
}
