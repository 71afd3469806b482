package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.remote.Shell;
import java.util.LinkedHashMap;
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
     * {@code etcdutl check v2store} on the events data dir of each member going from 3.5 to 3.6 on its next restart
     * (decision 0043): etcd 3.6 refuses to start on custom v2 content. Members not on that hop are left out; one
     * whose host did not answer is {@link V2Store#UNKNOWN}.
     *
     * @param running each member's running version by member name, as {@link #running} reports it
     */
    static Map<String, V2Store> v2Stores(LifecycleSession session, Map<String, Optional<EtcdVersion>> running,
                                         EtcdVersion target) {
        Map<String, V2Store> stores = new LinkedHashMap<>();
        if (!target.line().equals("3.6")) {
            return stores;
        }
        for (EtcdMember member : session.members()) {
            Optional<EtcdVersion> version = running.getOrDefault(member.memberName(), Optional.empty());
            if (version.map(v -> v.line().equals("3.5")).orElse(false)) {
                stores.put(member.memberName(), v2Store(session, member, version.get()));
            }
        }
        return stores;
    }

    private static V2Store v2Store(LifecycleSession session, EtcdMember member, EtcdVersion running) {
        try {
            return HostObservation.read(session.remote(member.hostName()), session.settings(), running, true, false)
                    .v2Store();
        } catch (Exception e) {
            return V2Store.UNKNOWN;
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
