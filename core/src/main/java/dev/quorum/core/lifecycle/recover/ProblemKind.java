package dev.quorum.core.lifecycle.recover;

import java.util.Locale;

/** What can be wrong with one member, and how recovery treats it. */
public enum ProblemKind {
    /** SSH does not answer: nothing is known about the host, and nothing is guessed. */
    UNREACHABLE(Remedy.NONE),
    /** The service is stopped or failed while its data is intact: starting it is enough. */
    NOT_RUNNING(Remedy.START),
    /**
     * The service is stopped and systemd says its unit is disabled or masked: someone took it out of the host's start,
     * perhaps on purpose (a failing disk, a host being rebuilt). Recovery leaves it stopped; enabling it is the
     * operator's call, after which recover starts it.
     */
    DISABLED(Remedy.NONE),
    /**
     * systemd says active, but etcd's process is stopped (a SIGSTOP, a debugger, its unit frozen) and answers nobody,
     * not even on its own host: restarting it through systemd ends the stop and keeps its data.
     */
    FROZEN(Remedy.RESTART),
    /**
     * A certificate its env file names (served, dialled, or etcdctl's) is past its notAfter: peers and
     * clients refuse it, whatever runs. Starting or re-seeding cannot help and a restore keeps the same files:
     * renewing the certificates does ({@code quorum certs renew}), every write kept.
     */
    CERT_EXPIRED(Remedy.RENEW),
    /**
     * The CA etcd trusts (a file its env file names) is past its notAfter: etcd checks the whole chain, so no member
     * accepts any other, whatever runs. A renewal signs with that CA and cannot help; replacing the CA does
     * ({@code quorum certs rotate-ca}, every member at once, decision 0076), every write kept.
     */
    CA_EXPIRED(Remedy.ROTATE_CA),
    /**
     * The filesystem of its data dir is (nearly) full, or etcd's log says it ran out of space: etcd cannot write its
     * WAL, so it stops or will not start. Starting it cannot help and nothing of its data is at fault: the operator
     * frees space (moved-aside data dirs and old snapshots are the usual candidates), then recover starts it.
     */
    DISK_FULL(Remedy.FREE_SPACE),
    /** Cannot open a connection to a majority of the voting members' peer ports. */
    ISOLATED(Remedy.WAIT),
    /** Can reach some peers but not all: a partial partition or a firewall rule. */
    PEER_UNREACHABLE(Remedy.WAIT),
    NO_LEADER(Remedy.WAIT),
    LAGGING(Remedy.WAIT),
    /** Its data belongs to another cluster (another cluster ID): it can never rejoin as it is. */
    WRONG_CLUSTER(Remedy.RESEED),
    /** The cluster removed it, but its etcd still runs (or restarts) with the old identity. */
    REMOVED(Remedy.RESEED),
    /** The data dir is missing, or etcd's log shows a lost or corrupt raft log / backend. */
    DATA_LOST(Remedy.RESEED),
    /** An etcd alarm: NOSPACE (over quota, only reads and deletes work) or CORRUPT. */
    ALARM(Remedy.MAINTENANCE),
    /** In the inventory's etcd group but not in the member list. */
    NOT_A_MEMBER(Remedy.ADD),
    /** A learner never promoted: a join that was interrupted. Re-running the add finishes it. */
    LEARNER(Remedy.ADD),
    /**
     * A restore's runtime drop-in is left (an interrupted restore, decision 0042): etcd's next start on this host
     * skips the initial corruption check. Re-running the restore finishes it; recover removes it (decision 0054).
     */
    RESTORE_DROP_IN(Remedy.REMOVE_DROP_IN);

    /** What recovery does about a problem of this kind. */
    public enum Remedy { NONE, START, RESTART, WAIT, RESEED, MAINTENANCE, ADD, REMOVE_DROP_IN, RENEW, ROTATE_CA, FREE_SPACE }

    private final Remedy remedy;

    ProblemKind(Remedy remedy) {
        this.remedy = remedy;
    }

    public Remedy remedy() {
        return remedy;
    }

    /** As printed in JSON: {@code data-lost}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
