package dev.quorum.core.lifecycle.recover;

import dev.quorum.core.lifecycle.steps.UnitState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What one host says about itself over SSH: is etcd running, what its member sees (status,
 * member list, alarms), whether it can open a TCP connection to each other member's peer port,
 * its data dir and its latest log lines. Built once per diagnosis and never changed.
 *
 * @param sshError        why the host could not be reached; empty when it could
 * @param serviceState    {@code systemctl is-active etcd}: active, activating, failed, inactive...
 * @param statusError     why the local status could not be read (etcd down, not serving)
 * @param alarms          the cluster's alarms as "MEMBER-ID-HEX TYPE", e.g. "8211f1d0f64f3269 NOSPACE"
 * @param peerReach       peer address -> a TCP connection to its peer port opened within a second
 * @param restoreLeftover a restore's drop-in left on the host, and its marker in the data dir
 * @param process         etcd's main process as {@code /proc} showed it
 * @param unitFileState   {@code systemctl is-enabled etcd}: enabled, disabled, masked...; empty when not read
 * @param expired         the certificates of its env file that its host's openssl reads as expired
 * @param dataDirFreeKib  what {@code df} says is free for the data dir's filesystem, in KiB; empty when not read
 */
public record HostReport(String host, String address, String sshError, String serviceState,
                         Optional<LocalStatus> status, String statusError, List<ListedMember> memberList,
                         List<String> alarms, Map<String, Boolean> peerReach, DataDirState dataDir,
                         List<String> logTail, RestoreLeftover restoreLeftover, ProcessState process,
                         String unitFileState, List<ExpiredCertificate> expired, OptionalLong dataDirFreeKib) {
    /** What {@code systemctl is-enabled} prints for a unit someone took out of the host's start: never guessed. */
    private static final Set<String> TAKEN_OUT = Set.of("disabled", "masked", "masked-runtime");

    public HostReport {
        memberList = List.copyOf(memberList);
        alarms = List.copyOf(alarms);
        peerReach = Map.copyOf(peerReach);
        logTail = List.copyOf(logTail);
        expired = List.copyOf(expired);
    }

    /** A report whose process state and unit file state were not read. */
    public HostReport(String host, String address, String sshError, String serviceState, Optional<LocalStatus> status,
                      String statusError, List<ListedMember> memberList, List<String> alarms,
                      Map<String, Boolean> peerReach, DataDirState dataDir, List<String> logTail,
                      RestoreLeftover restoreLeftover) {
        this(host, address, sshError, serviceState, status, statusError, memberList, alarms, peerReach, dataDir, logTail,
                restoreLeftover, ProcessState.UNKNOWN, "", List.of(), OptionalLong.empty());
    }

    public static HostReport unreachable(String host, String address, String reason) {
        return new HostReport(host, address, reason, "", Optional.empty(), "", List.of(), List.of(), Map.of(),
                DataDirState.UNKNOWN, List.of(), RestoreLeftover.UNKNOWN);
    }

    public boolean reachable() {
        return sshError.isEmpty();
    }

    /**
     * etcd runs here: systemd says the unit is active, or says it is between states while etcd itself answers on its
     * loopback endpoint. A Type=notify etcd restarted while systemd has not yet seen it ready says "activating" and
     * may already serve with a leader: a member that holds quorum is never counted down on systemd's word alone.
     */
    public boolean running() {
        UnitState state = UnitState.of(serviceState);
        return state == UnitState.ACTIVE || (state.running() && status.isPresent());
    }

    /** systemd itself says the unit is down: positive evidence, unlike a state that could not be read. */
    public boolean stopped() {
        return UnitState.of(serviceState).stopped();
    }

    /**
     * systemd says etcd's unit is disabled or masked: someone took it out of the host's start, perhaps on purpose
     * (a failing disk, a host being rebuilt), so recovery does not start it on its own.
     */
    public boolean disabled() {
        return TAKEN_OUT.contains(unitFileState);
    }
}
