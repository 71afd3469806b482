package dev.quorum.core.lifecycle.recover;

import dev.quorum.core.etcd.InitialCheckDropIn;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.EtcdSettings;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the hosts' reports into a diagnosis. The cluster the majority belongs to is the one whose
 * members see a leader; its member list (from its leader if possible) decides who votes, and
 * quorum holds when a majority of those voters run with a leader in that cluster.
 */
final class Classifier {
    /** Below this, etcd cannot cut its next WAL file (it preallocates 64 MiB): the data dir counts as full. */
    static final long DATA_DIR_FULL_KIB = 64 * 1024;
    /** Entries behind the leader before a member counts as lagging: far more than a busy follower's gap. */
    static final long LAGGING_ENTRIES = 1000;

    private final List<EtcdMember> subjects;
    private final String dataDir;
    private final Map<String, HostReport> reports;
    private final String referenceCluster;
    private final List<ListedMember> memberList;
    private final List<String> voterAddresses;
    private final int quorumSize;
    private final Optional<LocalStatus> leader;
    /** Hosts whose own systemd says etcd is stopped: their peer port is closed, which is not the network. */
    private final Set<String> stoppedAddresses;
    private final List<String> isolatedAddresses;

    private Classifier(List<EtcdMember> subjects, Map<String, HostReport> reports, String dataDir) {
        this.subjects = subjects;
        this.dataDir = dataDir;
        this.reports = reports;
        this.referenceCluster = referenceCluster(reports.values());
        this.memberList = referenceList();
        this.voterAddresses = memberList.isEmpty()
                ? subjects.stream().map(EtcdMember::address).toList()
                : memberList.stream().filter(m -> !m.learner()).flatMap(m -> m.peerUrls().stream().limit(1))
                        .map(Classifier::host).toList();
        this.quorumSize = voterAddresses.size() / 2 + 1;
        this.leader = statuses().filter(LocalStatus::isLeader).findFirst();
        this.stoppedAddresses = reports.values().stream().filter(HostReport::reachable).filter(HostReport::stopped)
                .map(HostReport::address).collect(Collectors.toSet());
        this.isolatedAddresses = reports.values().stream().filter(HostReport::reachable).filter(HostReport::running)
                .filter(r -> !r.peerReach().isEmpty() && reachableVoters(r) < quorumSize)
                .map(HostReport::address).toList();
    }

    /** @param settings the cluster's etcd settings: its unit and data dir, as the hosts were asked about them */
    static Diagnosis classify(List<EtcdMember> subjects, Map<String, HostReport> reports, String inventoryArg,
                              EtcdSettings settings, Instant now) {
        Classifier c = new Classifier(subjects, reports, settings.dataDir());
        List<MemberDiagnosis> members = subjects.stream().map(c::diagnose).toList();
        QuorumEvidence evidence = c.evidence(members);
        Verdict verdict = switch (evidence.state()) {
            case LOST -> Verdict.QUORUM_LOST;
            case UNKNOWN -> Verdict.UNKNOWN;
            case HOLDS -> members.stream().allMatch(MemberDiagnosis::healthy) ? Verdict.HEALTHY : Verdict.DEGRADED;
        };
        Advice advice = new Advice(members, verdict, evidence, c.reachedByPeers(members), inventoryArg,
                settings.layout().unitName(), settings.dataDir());
        return new Diagnosis(now, verdict, advice.sentence(), members, c.connectivity(), advice.actions(), evidence);
    }

    /**
     * Hosts SSH could not reach whose peer port most of the members that answered can open: etcd
     * still runs there, whatever the workstation's SSH says.
     */
    private Set<String> reachedByPeers(List<MemberDiagnosis> members) {
        List<HostReport> askers = reports.values().stream().filter(HostReport::reachable)
                .filter(r -> !r.peerReach().isEmpty()).toList();
        return members.stream().filter(m -> !m.reachable()).filter(m -> {
            long reach = askers.stream().filter(r -> r.peerReach().getOrDefault(m.address(), false)).count();
            return !askers.isEmpty() && reach * 2 > askers.size();
        }).map(MemberDiagnosis::host).collect(Collectors.toSet());
    }

    /** Each voter as its own host reports it: up, down (with what it says) or unknown (with why). */
    private QuorumEvidence evidence(List<MemberDiagnosis> members) {
        List<String> up = new ArrayList<>();
        Map<String, String> down = new LinkedHashMap<>();
        Map<String, String> unknown = new LinkedHashMap<>();
        Set<String> stopped = new HashSet<>();
        for (String address : voterAddresses) {
            Optional<MemberDiagnosis> asked = members.stream().filter(m -> m.address().equals(address)).findFirst();
            String name = asked.map(MemberDiagnosis::name).orElseGet(() -> memberList.stream()
                    .filter(m -> m.peerUrls().stream().map(Classifier::host).anyMatch(address::equals))
                    .map(ListedMember::name).filter(n -> !n.isEmpty()).findFirst().orElse(address));
            if (asked.isEmpty()) {
                unknown.put(name, "on " + address + ", not in the inventory: its host was not asked");
            } else if (!asked.get().reachable()) {
                unknown.put(name, asked.get().host() + " could not be asked over SSH: "
                        + reports.get(asked.get().host()).sshError());
            } else if (countsForQuorum(asked.get())) {
                up.add(name);
            } else {
                down.put(name, asked.get().host() + ": " + asked.get().problems().stream().findFirst()
                        .map(Problem::text).orElse("not serving with a leader"));
                HostReport report = reports.get(asked.get().host());
                if (report.stopped() && report.status().isEmpty()) {
                    stopped.add(name);
                }
            }
        }
        return new QuorumEvidence(voterAddresses.size(), up, down, unknown, stopped);
    }

    private boolean countsForQuorum(MemberDiagnosis m) {
        return voterAddresses.contains(m.address()) && m.running().orElse(false) && m.hasLeader().orElse(false)
                && !m.isolated().orElse(false)
                && m.status().map(s -> s.clusterId().equals(referenceCluster) && !s.learner()).orElse(false);
    }

    private MemberDiagnosis diagnose(EtcdMember subject) {
        HostReport r = reports.getOrDefault(subject.hostName(),
                HostReport.unreachable(subject.hostName(), subject.address(), "not inspected"));
        Optional<ListedMember> listed = memberList.stream()
                .filter(m -> m.peerUrls().contains(subject.peerUrl())).findFirst();
        String name = listed.map(ListedMember::name).filter(n -> !n.isEmpty()).orElse(subject.memberName());
        if (!r.reachable()) {
            return new MemberDiagnosis(r.host(), name, r.address(), false, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), false, Optional.empty(),
                    List.of(new Problem(ProblemKind.UNREACHABLE, "cannot be reached over SSH: " + r.sshError())),
                    List.of(), r.restoreLeftover());
        }
        Optional<LocalStatus> status = r.status();
        boolean hasLeader = status.map(LocalStatus::hasLeader).orElse(false);
        List<String> unreachablePeers = unreachableVoters(r);
        boolean isolated = isolatedAddresses.contains(r.address());
        Optional<Long> lag = status.flatMap(s -> leader.map(l -> Math.max(0, l.raftIndex() - s.raftIndex())));
        boolean inReference = status.map(s -> s.clusterId().equals(referenceCluster)).orElse(false);
        boolean member = listed.isPresent() || memberList.isEmpty();
        boolean serving = r.running() && hasLeader && inReference && member;

        List<Problem> problems = new ArrayList<>();
        // first: they explain whatever else fails on this member, the CA before what it signed
        expired(r, true).ifPresent(files -> problems.add(new Problem(ProblemKind.CA_EXPIRED, "CA expired: " + files)));
        expired(r, false).ifPresent(files -> problems.add(new Problem(ProblemKind.CERT_EXPIRED,
                "certificate expired: " + files)));
        diskFull(r, serving).ifPresent(problems::add);
        if (listed.isEmpty() && !memberList.isEmpty()) {
            boolean removedSaysLog = LogSigns.removed(r.logTail()).isPresent();
            boolean hasData = r.dataDir() == DataDirState.PRESENT;
            // A removal Quorum did stops etcd and moves the data aside: that host is retired, not a
            // member to re-seed. Only data that is still there (running, or restarting) is a danger.
            boolean stillActive = (r.running() && (hasData || removedSaysLog)) || (removedSaysLog && hasData);
            problems.add(stillActive
                    ? new Problem(ProblemKind.REMOVED, "is not in the member list, but etcd on it still "
                            + (r.running() ? "runs" : "restarts") + " with data of a removed member")
                    : new Problem(ProblemKind.NOT_A_MEMBER, removedSaysLog
                            ? "was removed from the cluster and etcd on it is stopped: take it out of the "
                            + "inventory's etcd group"
                            : "is not in the member list (never joined, or removed)"));
        }
        if (status.isPresent() && !referenceCluster.isEmpty() && !inReference) {
            problems.add(new Problem(ProblemKind.WRONG_CLUSTER, "holds data of cluster " + status.get().clusterId()
                    + " while the majority is cluster " + referenceCluster));
        }
        if (!serving && member) {
            dataProblem(r).ifPresent(problems::add);
            if (!inReference) {
                LogSigns.otherCluster(r.logTail()).filter(line -> problems.stream()
                        .noneMatch(p -> p.kind() == ProblemKind.WRONG_CLUSTER))
                        .ifPresent(line -> problems.add(new Problem(ProblemKind.WRONG_CLUSTER, "etcd's log: " + line)));
            }
        }
        boolean reseed = problems.stream().anyMatch(p -> p.kind().remedy() == ProblemKind.Remedy.RESEED);
        if (!r.running() && !reseed && member) {
            problems.add(r.disabled()
                    ? new Problem(ProblemKind.DISABLED, "etcd is not running (service " + r.serviceState() + ") and its "
                    + "unit is " + r.unitFileState() + ": taken out of service, perhaps on purpose, so recover does "
                    + "not start it")
                    : new Problem(ProblemKind.NOT_RUNNING, "etcd is not running (service " + r.serviceState() + ")"));
        } else if (r.running() && status.isEmpty() && !reseed) {
            problems.add(r.process() == ProcessState.STOPPED
                    ? new Problem(ProblemKind.FROZEN, "etcd's process is stopped (a SIGSTOP, a debugger, or its unit "
                    + "frozen): it answers nobody, not even on its own host")
                    : new Problem(ProblemKind.NOT_RUNNING, "etcd's service is active but etcd does not answer "
                    + "on its loopback endpoint (" + r.statusError() + ")" + (r.process() == ProcessState.DISK_WAIT
                    ? "; its process was waiting for the disk (state D): look at the disk under its data dir" : "")));
        }
        if (r.running() && isolated) {
            problems.add(new Problem(ProblemKind.ISOLATED, "cannot reach the peer port of " + names(unreachablePeers)));
        } else if (r.running() && !unreachablePeers.isEmpty()) {
            problems.add(new Problem(ProblemKind.PEER_UNREACHABLE, "cannot reach the peer port of "
                    + names(unreachablePeers)));
        }
        if (r.running() && status.isPresent() && !hasLeader && !isolated && !reseed) {
            problems.add(new Problem(ProblemKind.NO_LEADER, "has no leader"));
        }
        // The majority's member list says so too: a learner whose etcd is down answers no status.
        boolean listedLearner = !reseed && listed.map(ListedMember::learner).orElse(false);
        if (status.map(LocalStatus::learner).orElse(false) || listedLearner) {
            problems.add(new Problem(ProblemKind.LEARNER, "is a learner that was never promoted (an interrupted join)"));
        }
        if (lag.orElse(0L) > LAGGING_ENTRIES) {
            problems.add(new Problem(ProblemKind.LAGGING, lag.get() + " raft entries behind the leader"));
        }
        status.ifPresent(s -> r.alarms().stream().filter(a -> a.startsWith(s.memberId() + " "))
                .forEach(a -> problems.add(new Problem(ProblemKind.ALARM, "alarm " + a.substring(a.indexOf(' ') + 1)))));
        if (r.restoreLeftover().dropInLeft()) {
            problems.add(dropInProblem(r, subject.layout()));
        }
        return new MemberDiagnosis(r.host(), name, r.address(), true, Optional.of(r.running()),
                Optional.of(hasLeader), r.peerReach().isEmpty() ? Optional.empty() : Optional.of(isolated), lag,
                status.map(LocalStatus::isLeader).orElse(false) && inReference, status, problems, r.logTail(),
                r.restoreLeftover());
    }

    /** Last of a member's problems: it does not stop etcd now, it weakens its next start. */
    private static Problem dropInProblem(HostReport r, ClusterLayout layout) {
        String path = InitialCheckDropIn.confPath(layout);
        return new Problem(ProblemKind.RESTORE_DROP_IN, "a restore's drop-in is left (" + path + "): the next start "
                + "of " + layout.unitName() + " here skips etcd's initial corruption check"
                + switch (r.restoreLeftover().marker()) {
                    case UNFINISHED -> "; the restore that wrote it did not finish (not marked completed)";
                    case COMPLETED -> "; the restore of this data dir is marked completed";
                    case NONE, UNKNOWN -> "";
                });
    }

    /** The host's expired CA files ({@code authority}) or other certificates, in words; empty when none. */
    private static Optional<String> expired(HostReport r, boolean authority) {
        List<ExpiredCertificate> files = r.expired().stream().filter(c -> c.authority() == authority).toList();
        return files.isEmpty() ? Optional.empty()
                : Optional.of(files.stream().map(ExpiredCertificate::toString).collect(Collectors.joining(", ")));
    }

    /**
     * Nearly no room left under the data dir, as df says, whatever etcd does now; or, for a member that does not
     * serve, etcd's own log saying it ran out of space.
     */
    private Optional<Problem> diskFull(HostReport r, boolean serving) {
        if (r.dataDirFreeKib().isPresent() && r.dataDirFreeKib().getAsLong() < DATA_DIR_FULL_KIB) {
            return Optional.of(new Problem(ProblemKind.DISK_FULL, "the disk under " + dataDir + " is full: "
                    + r.dataDirFreeKib().getAsLong() / 1024 + " MiB free, and etcd needs " + DATA_DIR_FULL_KIB / 1024
                    + " MiB for its next WAL file"));
        }
        return serving ? Optional.empty() : LogSigns.diskFull(r.logTail()).map(line -> new Problem(ProblemKind.DISK_FULL,
                "the disk under " + dataDir + " ran full; etcd's log: " + line));
    }

    private Optional<Problem> dataProblem(HostReport r) {
        if (r.dataDir() == DataDirState.MISSING) {
            return Optional.of(new Problem(ProblemKind.DATA_LOST, "its data dir has no member/ directory"));
        }
        if (r.dataDir() == DataDirState.INCOMPLETE) {
            return Optional.of(new Problem(ProblemKind.DATA_LOST, "its data dir has no backend database (member/snap/db)"));
        }
        return LogSigns.dataLost(r.logTail())
                .map(line -> new Problem(ProblemKind.DATA_LOST, "lost or corrupt data; etcd's log: " + line));
    }

    /** Voters this host reaches, itself included; a stopped voter counts too: the network to it is not known cut. */
    private long reachableVoters(HostReport r) {
        long self = voterAddresses.contains(r.address()) ? 1 : 0;
        return self + voterAddresses.stream().filter(a -> !a.equals(r.address()))
                .filter(a -> r.peerReach().getOrDefault(a, false) || stoppedAddresses.contains(a)).count();
    }

    /**
     * Voters this host cannot reach, except those cut off from everyone (the fault is on their side) and those
     * whose etcd is stopped (their own problem says so).
     */
    private List<String> unreachableVoters(HostReport r) {
        return voterAddresses.stream().filter(a -> !a.equals(r.address()))
                .filter(a -> isolated(r) || !isolatedAddresses.contains(a))
                .filter(a -> !stoppedAddresses.contains(a))
                .filter(a -> r.peerReach().containsKey(a) && !r.peerReach().get(a)).toList();
    }

    private boolean isolated(HostReport r) {
        return isolatedAddresses.contains(r.address());
    }

    /** Host names in the inventory's order, so sentences read the same every time. */
    private String names(List<String> addresses) {
        List<String> order = subjects.stream().map(EtcdMember::address).toList();
        return addresses.stream().sorted(Comparator.comparingInt(a -> order.contains(a) ? order.indexOf(a)
                : Integer.MAX_VALUE)).map(this::hostOf).collect(Collectors.joining(", "));
    }

    private String hostOf(String address) {
        return subjects.stream().filter(s -> s.address().equals(address)).map(EtcdMember::hostName).findFirst()
                .orElse(address);
    }

    private Map<String, Map<String, Boolean>> connectivity() {
        Map<String, Map<String, Boolean>> matrix = new LinkedHashMap<>();
        for (EtcdMember s : subjects) {
            HostReport r = reports.get(s.hostName());
            if (r == null || !r.reachable()) {
                continue;
            }
            Map<String, Boolean> row = new LinkedHashMap<>();
            r.peerReach().forEach((address, ok) -> row.put(hostOf(address), ok));
            matrix.put(s.hostName(), row);
        }
        return matrix;
    }

    private java.util.stream.Stream<LocalStatus> statuses() {
        return reports.values().stream().flatMap(r -> r.status().stream());
    }

    /** The cluster ID most members with a leader share; with no leader anywhere, the most common one. */
    private static String referenceCluster(java.util.Collection<HostReport> reports) {
        Map<String, long[]> score = new LinkedHashMap<>();
        reports.stream().flatMap(r -> r.status().stream()).forEach(s -> {
            long[] counts = score.computeIfAbsent(s.clusterId(), k -> new long[2]);
            counts[0] += s.hasLeader() ? 1 : 0;
            counts[1]++;
        });
        return score.entrySet().stream()
                .max(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> e.getValue()[0])
                        .thenComparingLong(e -> e.getValue()[1]))
                .map(Map.Entry::getKey).orElse("");
    }

    /** The member list of the reference cluster, as its leader (else any member with a leader) lists it. */
    private List<ListedMember> referenceList() {
        return reports.values().stream()
                .filter(r -> r.status().map(s -> s.clusterId().equals(referenceCluster)).orElse(false))
                .filter(r -> !r.memberList().isEmpty())
                .max(Comparator.comparingInt((HostReport r) -> r.status().get().isLeader() ? 2
                        : r.status().get().hasLeader() ? 1 : 0))
                .map(HostReport::memberList).orElse(List.of());
    }

    static String host(String url) {
        String host = URI.create(url).getHost();
        return host != null && host.startsWith("[") ? host.substring(1, host.length() - 1) : String.valueOf(host);
    }
}
