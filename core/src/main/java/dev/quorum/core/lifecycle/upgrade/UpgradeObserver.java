package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.HostFiles;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.remote.CommandResult;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads what the guards decide from: each member's own status (etcd) and its host (SSH). Changes nothing. */
final class UpgradeObserver {
    private static final Duration AUTH_TIMEOUT = Duration.ofSeconds(20);

    private UpgradeObserver() {
    }

    static ObservedCluster observe(LifecycleSession session, LiveCluster live, EtcdVersion target,
                                   UpgradeRequest request) {
        ClusterStatus status = HealthWait.probe(session);
        List<ObservedMember> members = new ArrayList<>();
        for (EtcdMember member : session.members()) {
            MemberStatus seen = status.members().stream().filter(s -> s.hostName().equals(member.hostName()))
                    .findFirst().orElseThrow();
            members.add(observe(session, live, member, seen, target, request));
        }
        List<String> unlisted = live.members().stream().filter(m -> !live.inInventory(m))
                .map(m -> m.memberName().isEmpty() ? m.peerUrl() : m.memberName()).toList();
        ObservedCluster first = new ObservedCluster(members, unlisted, status.alarms(), AuthState.UNKNOWN,
                workstationFree(session));
        boolean on34 = first.lowestVersion().map(v -> v.line().equals("3.4")).orElse(false);
        return on34 && request.kind() == UpgradeRequest.Kind.UPGRADE ? new ObservedCluster(members, unlisted, status.alarms(), auth(session, members),
                first.workstationFreeBytes()) : first;
    }

    private static ObservedMember observe(LifecycleSession session, LiveCluster live, EtcdMember member,
                                          MemberStatus seen, EtcdVersion target, UpgradeRequest request) {
        Optional<EndpointStatus> own = seen.status();
        Optional<EtcdVersion> version = own.flatMap(s -> EtcdVersion.tryParse(s.version()));
        long dbSize = own.map(EndpointStatus::dbSize).orElse(0L);
        if (own.isEmpty()) {
            return unreachable(member, "client port: " + seen.error(), version, dbSize);
        }
        boolean checkV2 = request.kind() == UpgradeRequest.Kind.UPGRADE && version.map(v -> v.line().equals("3.5")).orElse(false)
                && target.line().equals("3.6");
        try {
            RemoteHost remote = session.remote(member.hostName());
            HostObservation host = HostObservation.read(remote, session.settings(), version.orElse(target), checkV2,
                    checkV2);
            boolean readDowngrade = version.map(v -> readsDowngradeState(request, v, target)).orElse(false);
            return new ObservedMember(member.hostName(), member.memberName(), Optional.empty(), version, seen.healthy(),
                    own.get().isLeader(), own.get().raftIndex(), dbSize, host.hostFreeKiB(), host.dataFreeKiB(),
                    host.v2Store(), host.keptBelow(), RemovedMarks.of(host.removedMarks(),
                            live.members().stream().flatMap(m -> live.info(m).stream()).toList()),
                    readDowngrade ? DowngradeStatus.read(session, member) : DowngradeStatus.NOT_READ);
        } catch (Exception e) {
            return unreachable(member, "SSH: " + e.getMessage(), version, dbSize);
        }
    }

    /**
     * A downgrade asks members on a newer minor than the target (3.6+ reports storage version and downgrade state);
     * a rollback asks every member on 3.6 or later, to tell an upgrade under way from a downgrade under way.
     */
    private static boolean readsDowngradeState(UpgradeRequest request, EtcdVersion version, EtcdVersion target) {
        return switch (request.kind()) {
            case DOWNGRADE -> version.compareTo(target) > 0 && !version.sameLine(target);
            case ROLLBACK -> DowngradeStatus.reportedBy(version);
            case UPGRADE -> false;
        };
    }

    private static ObservedMember unreachable(EtcdMember member, String why, Optional<EtcdVersion> version,
                                              long dbSize) {
        return new ObservedMember(member.hostName(), member.memberName(), Optional.of(why), version, false, false, 0,
                dbSize, OptionalLong.empty(), OptionalLong.empty(), V2Store.UNKNOWN, Optional.empty(),
                RemovedMarks.NOT_READ);
    }

    /**
     * etcdctl authenticates first when given a user: with auth off etcd answers "authentication is not enabled",
     * which etcdctl ignores (the command succeeds); with auth on, an unknown user fails. Works on 3.4, which has no
     * auth status call.
     */
    private static AuthState auth(LifecycleSession session, List<ObservedMember> members) {
        for (ObservedMember member : members.stream().filter(ObservedMember::reachable).toList()) {
            try {
                CommandResult result = session.remote(member.hostName()).run(Shell.quote(HostFiles
                        .etcdctlWrapperPath(session.settings())) + " --user=quorum-auth-probe:none "
                        + "--command-timeout=5s endpoint status 2>&1", AUTH_TIMEOUT);
                String out = result.stdout() + result.stderr();
                if (result.ok()) {
                    return AuthState.DISABLED;
                }
                if (out.contains("authentication failed") || out.contains("invalid user ID or password")) {
                    return AuthState.ENABLED;
                }
            } catch (Exception e) {
                // the next member may answer
            }
        }
        return AuthState.UNKNOWN;
    }

    private static long workstationFree(LifecycleSession session) {
        Path dir = session.cluster().home().snapshots(session.cluster().inventory().clusterName()).toAbsolutePath();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        try {
            return dir == null ? 0 : Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }
}
