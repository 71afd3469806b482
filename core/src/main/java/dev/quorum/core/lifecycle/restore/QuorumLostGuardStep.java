package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.recover.Diagnoser;
import dev.quorum.core.lifecycle.recover.Diagnosis;
import dev.quorum.core.lifecycle.recover.MemberDiagnosis;
import dev.quorum.core.lifecycle.recover.QuorumEvidence;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.UnitState;
import dev.quorum.core.remote.FanOut;
import dev.quorum.core.remote.Shell;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A restore throws away every write since the snapshot, so it is refused while the cluster still
 * has quorum (member changes fix that case without losing anything). Whether it has is decided
 * from what the voting members' own hosts report over SSH, watched for two election timeouts
 * unless so many voters are stopped that no leader can be elected, never from the workstation's
 * failure to reach etcd: a member that could not be asked is
 * unknown, and unknown refuses unless the operator declares it lost. Every host of the new
 * cluster must answer over SSH. Chooses the restore's cluster token: the one an interrupted run
 * already used, so a re-run completes the same restore, else a fresh one (markers of an earlier,
 * completed restore are stale: those hosts are restored again).
 */
final class QuorumLostGuardStep extends ClusterStep {
    /** The diagnosis' own commands are not shown here; only its evidence is used. */
    private static final String INVENTORY = "INVENTORY";
    private final RestoreSession restore;

    QuorumLostGuardStep(RestoreSession restore) {
        super(restore.life);
        this.restore = restore;
    }

    @Override
    public String title() {
        return "Check that quorum is lost and every new member's host answers";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("ssh HOST etcdctl endpoint status   # on every member's host: a majority with a leader "
                        + "means quorum holds, and the restore is refused",
                "ssh HOST cat " + RestoreMarker.path(restore.dataDir()) + "   # on each host: restored already?");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        List<String> hosts = session.members().stream().map(EtcdMember::hostName).toList();
        Map<String, Optional<RestoreMarker>> markers = markers(hosts);
        RestoreProgress progress = progress(markers);
        restore.useToken(progress.token().orElseGet(restore::freshToken));
        restore.revisions.continuing(progress.revisionBump());
        if (progress.state() == RestoreProgress.State.COMPLETED) {
            return Check.done("every member already holds this snapshot's data, restore completed (token "
                    + restore.token() + ")");
        }
        if (progress.state() == RestoreProgress.State.INTERRUPTED && restoredEverywhere(markers)) {
            // A cluster with quorum now is the restored one, started by the interrupted run.
            return Check.done("every member holds this restore's data; finishing the interrupted run (token "
                    + restore.token() + ")");
        }
        if (!session.hasPki()) {
            throw new StepFailedException("no certificates for cluster " + session.cluster().inventory().pkiName()
                    + " on this workstation", "restore on the workstation that installed the cluster (its CA is in "
                    + "~/.quorum/clusters/NAME/pki), or copy that folder here");
        }
        if (etcdRunningOn(hosts).isEmpty()) {
            // Nothing to ask about quorum: each host said etcd is not active there.
            return Check.done(restore.unit() + " runs on none of " + String.join(", ", hosts) + "; restoring as a new cluster with "
                    + "token " + restore.token() + continuing(progress)
                    + startingWouldKeep(new Diagnoser(session.cluster()).diagnose(INVENTORY), context));
        }
        Diagnosis seen = new Diagnoser(session.cluster()).watchForQuorum(INVENTORY, context.cancellation());
        QuorumEvidence evidence = seen.quorum();
        if (evidence.state() == QuorumEvidence.State.HOLDS) {
            if (!restore.request.rollBackLive()) {
                List<String> unreached = session.cluster().unreachedClientPorts(session.members());
                throw new StepFailedException("the cluster still has quorum: etcd is active with a leader on "
                        + evidence.up().size() + " of " + evidence.voters() + " voting members ("
                        + String.join(", ", evidence.up()) + "), as their own hosts report; a restore would throw "
                        + "away every write since the snapshot. Nothing was changed" + (unreached.isEmpty() ? ""
                        : ". This workstation cannot reach etcd's client port on " + String.join(", ", unreached)
                        + ": that is a network path from here, not lost quorum"),
                        "replace or remove the failed members instead (quorum replace / quorum remove" + clusterWords()
                                + "), which loses "
                                + "nothing; restore only when a majority is lost for good. To roll a working "
                                + "cluster back on purpose, confirm with --roll-back-live-cluster CLUSTER-NAME");
            }
            context.warn("the cluster has quorum (" + String.join(", ", evidence.up()) + " up); rolling it back to "
                    + "the snapshot as confirmed: every write since the snapshot is lost");
            return Check.done("quorum holds; rolling back as confirmed, token " + restore.token() + continuing(progress));
        }
        QuorumEvidence declared = evidence.declaringLost(declaredNames(seen));
        if (declared.state() == QuorumEvidence.State.UNKNOWN) {
            throw new StepFailedException("cannot tell whether quorum is lost: " + evidence.up().size() + " of "
                    + evidence.voters() + " voting members report a leader, " + evidence.quorumSize() + " are needed, "
                    + "and these could not be asked: " + declared.unknownWords() + ". Nothing was changed",
                    "reach those hosts (SSH, network, power) and run again; a member that could not be asked may "
                            + "still serve writes with the others. If they are gone for good, say so: "
                            + declared.unknown().keySet().stream().sorted().map(n -> "--declare-lost " + n)
                            .collect(Collectors.joining(" ")));
        }
        return Check.done("no quorum, as the members' own hosts report (down: " + declared.downWords()
                + "); restoring as a new cluster with token " + restore.token() + continuing(progress)
                + startingWouldKeep(seen, context));
    }

    /**
     * A restore loses every write since its snapshot, where starting members that are only stopped keeps them all
     * (decision 0072). Stopping every member first is how restores begin, so this is said, in the plan's preview and
     * its run, not refused.
     */
    private static String startingWouldKeep(Diagnosis seen, StepContext context) {
        return seen.quorumReturn().map(back -> {
            String note = "etcd is only stopped on " + String.join(", ", back.hosts()) + ", its data intact: unless "
                    + "that is on purpose, quorum recover brings quorum back with every write, which this restore "
                    + "loses after its snapshot";
            context.warn(note);
            return ". Note: " + note;
        }).orElse("");
    }

    /** The operator's --declare-lost values as the evidence names members: by member name or by host. */
    private List<String> declaredNames(Diagnosis seen) {
        return restore.request.declaredLost().stream()
                .map(value -> seen.member(value).map(MemberDiagnosis::name).orElse(value)).toList();
    }

    /** Each host's marker; a host that does not answer stops the restore before anything changes. */
    private Map<String, Optional<RestoreMarker>> markers(List<String> hosts) throws StepFailedException {
        Map<String, Optional<RestoreMarker>> found = new HashMap<>();
        for (var entry : FanOut.forEach(hosts, hosts.size(), restore::marker).entrySet()) {
            if (!entry.getValue().ok()) {
                throw new StepFailedException("cannot reach " + entry.getKey() + ": "
                        + entry.getValue().error().getMessage(),
                        "every host of the etcd group becomes a member of the restored cluster and must answer over "
                                + "SSH; fix it, or put another host in its place in the inventory's etcd group");
            }
            found.put(entry.getKey(), entry.getValue().value());
        }
        return found;
    }

    private RestoreProgress progress(Map<String, Optional<RestoreMarker>> markers) {
        if (!restore.snapshotKnown()) {
            return RestoreProgress.notStarted();
        }
        Map<String, String> names = new LinkedHashMap<>();
        session.members().forEach(m -> names.put(m.hostName(), m.memberName()));
        return RestoreProgress.of(restore.sha256(), restore.initialCluster(), names, markers);
    }

    private boolean restoredEverywhere(Map<String, Optional<RestoreMarker>> markers) {
        return session.members().stream().allMatch(m -> markers.get(m.hostName())
                .map(marker -> marker.sameRestore(restore.sha256(), restore.token(), m.memberName(),
                        restore.initialCluster())).orElse(false));
    }

    /**
     * The hosts that did not say their unit is stopped. Only "inactive" and "failed" are stopped: a Type=notify etcd
     * restarted while systemd has not seen it ready says "activating" yet runs and may hold quorum, and a host that
     * did not answer is unknown; the cluster is asked about both.
     */
    private List<String> etcdRunningOn(List<String> hosts) {
        return FanOut.forEach(hosts, hosts.size(), host -> session.remote(host)
                        .run("systemctl is-active " + Shell.quote(restore.unit()) + " 2>/dev/null").stdout()).entrySet().stream()
                .filter(e -> !e.getValue().ok() || !UnitState.of(e.getValue().value()).stopped())
                .map(Map.Entry::getKey).toList();
    }

    /** What the suggested commands add so they act on the same cluster: nothing for the main one. */
    private String clusterWords() {
        ClusterLayout layout = restore.layout();
        return layout == ClusterLayout.MAIN ? "" : " --cluster " + layout.word();
    }

    private static String continuing(RestoreProgress progress) {
        return progress.state() == RestoreProgress.State.INTERRUPTED ? ", continuing the interrupted run" : "";
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("only checks");
    }
}
