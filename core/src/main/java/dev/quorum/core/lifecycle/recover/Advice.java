package dev.quorum.core.lifecycle.recover;

import dev.quorum.core.intent.Intent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The verdict in one sentence, and the actions to take, the recommended one first. */
final class Advice {
    private final List<MemberDiagnosis> members;
    private final Verdict verdict;
    private final QuorumEvidence evidence;
    private final Set<String> reachedByPeers;
    private final String inventory;
    /** etcd's unit on the hosts: etcd, or etcd-events for the events cluster. */
    private final String unit;
    private final String dataDir;
    /** How starting members brings a lost quorum back, when it does. */
    private final Optional<QuorumReturn> back;

    /**
     * @param reachedByPeers hosts SSH could not reach whose etcd peer port the other members reach:
     *                       alive as far as etcd can tell, so never advised to be replaced
     * @param inventory      the inventory argument, as commands should repeat it
     * @param unit           etcd's unit on the hosts, as a command to enable it names it
     * @param dataDir        etcd's data dir on the hosts, as a command to look at its disk names it
     */
    Advice(List<MemberDiagnosis> members, Verdict verdict, QuorumEvidence evidence, Set<String> reachedByPeers,
           String inventory, String unit, String dataDir) {
        this.members = members;
        this.verdict = verdict;
        this.evidence = evidence;
        this.reachedByPeers = reachedByPeers;
        this.inventory = inventory;
        this.unit = unit;
        this.dataDir = dataDir;
        this.back = QuorumReturn.of(members, evidence);
    }

    String sentence() {
        List<MemberDiagnosis> unhealthy = members.stream().filter(m -> !m.healthy()).toList();
        return switch (verdict) {
            case HEALTHY -> "healthy: all " + members.size() + " members run with leader "
                    + members.stream().filter(MemberDiagnosis::leader).map(m -> m.name() + " (" + m.host() + ")")
                    .findFirst().orElse("?") + " and reach every peer";
            case QUORUM_LOST -> "quorum is lost: " + unhealthy.size() + " of " + members.size()
                    + " members are down or cut off (" + unhealthy.stream().map(m -> m.host() + ": " + shortly(m))
                    .collect(Collectors.joining(", ")) + "); " + back
                    .map(way -> "etcd is only stopped on " + and(way.hosts()) + ", data intact: quorum recover "
                            + bringsBack(way, "starts", "restarts")
                            + ", and quorum returns with every write")
                    .orElse(operatorFixes(members, dataDir).isEmpty() ? "if they come back, quorum returns by "
                            + "itself; if they are gone for good, restore from a snapshot"
                            : String.join("; ", operatorFixes(members, dataDir)) + ", and quorum returns with every write");
            case DEGRADED -> unhealthy.stream().map(this::clause).collect(Collectors.joining("; "))
                    + "; the cluster still has quorum (tolerates " + tolerance() + " more "
                    + (tolerance() == 1 ? "failure" : "failures") + ")" + outlook(unhealthy, dataDir);
            case UNKNOWN -> "cannot tell whether the cluster has quorum: " + evidence.up().size() + " of "
                    + evidence.voters() + " voting members report a leader, " + evidence.quorumSize() + " are needed, "
                    + "and these could not be asked: " + evidence.unknownWords()
                    + (evidence.down().isEmpty() ? "" : "; down: " + evidence.downWords());
        };
    }

    List<RecommendedAction> actions() {
        List<RecommendedAction> actions = new ArrayList<>();
        if (verdict == Verdict.UNKNOWN) {
            actions.add(action("Reach the members that could not be asked (SSH, network, power), "
                    + "then diagnose again; nothing destructive runs until their state is known",
                    new Intent.Diagnose(), ""));
            actions.add(action("If those members are gone for good: restore, declaring them lost",
                    new Intent.RestoreFromSnapshot(List.copyOf(evidence.unknown().keySet())),
                    "writes made after the snapshot are lost; if a declared member is in fact alive with a "
                            + "majority, the writes it accepts are lost too"));
            return actions;
        }
        if (verdict == Verdict.QUORUM_LOST) {
            if (back.isEmpty()) {
                actions.addAll(operatorActions());
            }
            back.ifPresentOrElse(way -> actions.add(action("Bring quorum back: "
                            + bringsBack(way, "start", "restart") + " (data intact, nothing is lost)",
                            new Intent.Recover(), "")),
                    () -> actions.add(action("Bring the missing members back (start etcd, heal the network): "
                            + "quorum returns by itself, nothing is lost", new Intent.Diagnose(), "")));
            actions.addAll(enableActions());
            actions.add(action("If they are gone for good: restore the inventory's etcd group from "
                    + "a snapshot", new Intent.RestoreFromSnapshot(List.of()),
                    "writes made after the snapshot are lost; the restored cluster gets new member IDs"));
            actions.add(action("With no snapshot: restore from a surviving member's data",
                    new Intent.RestoreFromSurvivor(),
                    "the survivor may be behind: writes it had not applied are lost"));
            return actions;
        }
        actions.addAll(operatorActions());
        List<MemberDiagnosis> fixable = members.stream().filter(m -> m.reachable() && !m.needsTheOperatorFirst()
                && (m.needs(ProblemKind.Remedy.WAIT)
                || m.needs(ProblemKind.Remedy.START) || m.needs(ProblemKind.Remedy.RESTART)
                || m.needs(ProblemKind.Remedy.RESEED))).toList();
        List<MemberDiagnosis> dropIns = having(ProblemKind.RESTORE_DROP_IN);
        if (!fixable.isEmpty()) {
            boolean reseed = fixable.stream().anyMatch(m -> m.needs(ProblemKind.Remedy.RESEED));
            List<MemberDiagnosis> restart = fixable.stream().filter(m -> m.needs(ProblemKind.Remedy.RESTART)).toList();
            actions.add(action("Recover " + hosts(fixable) + (reseed ? " (re-seed what cannot rejoin, "
                    + "wait for the rest)" : restart.isEmpty() ? ": wait until it rejoins and confirm"
                    : ": restart the stopped etcd on " + hosts(restart) + " and wait until it rejoins")
                    + (dropIns.isEmpty() ? ""
                    : "; it also removes the restore's drop-in on " + hosts(dropIns)), new Intent.Recover(),
                    reseed ? "re-seeding moves the member's data dir aside and adds it again; a snapshot is taken "
                            + "first and nothing is deleted" : ""));
        }
        // Recover re-seeds such a host, as the inventory's etcd group still names it; the removal may have been meant.
        having(ProblemKind.REMOVED).forEach(m -> actions.add(action("If "
                + m.host() + " was removed on purpose: remove it again, which stops etcd there and moves its data "
                + "aside, then take it out of the inventory's etcd group", new Intent.Remove(m.host()), "")));
        dropInActions(dropIns, fixable.isEmpty()).forEach(actions::add);
        actions.addAll(enableActions());
        having(ProblemKind.UNREACHABLE).forEach(m -> actions.add(
                reachedByPeers.contains(m.host())
                        ? action("Check SSH to " + m.host() + ": its etcd answers the other members "
                        + "on the peer port, so it is not gone", new Intent.Diagnose(), "")
                        : action("If " + m.host() + " is gone for good, replace it",
                        new Intent.Replace(m.name()), "")));
        members.stream().filter(m -> m.has(ProblemKind.PEER_UNREACHABLE) || m.has(ProblemKind.ISOLATED))
                .findFirst().ifPresent(m -> actions.add(action("Check the network between the members "
                        + "(routes, firewalls) on peer port 2380", new Intent.Diagnose(), "")));
        if (members.stream().anyMatch(m -> m.has(ProblemKind.ALARM))) {
            actions.add(action("Free space: compact, defragment one member at a time, then disarm "
                    + "the alarm", new Intent.Manual("etcdctl compact REV && etcdctl defrag && etcdctl alarm disarm"),
                    "defragmenting blocks a member while it runs"));
        }
        having(ProblemKind.LEARNER).forEach(m -> actions.add(action(
                "Finish " + m.host() + "'s join (promote it once caught up)", new Intent.Add(m.host()), "")));
        having(ProblemKind.NOT_A_MEMBER).forEach(m -> actions.add(action(
                "Add " + m.host() + " to the cluster, or take it out of the inventory's etcd group",
                new Intent.Add(m.host()), "")));
        if (actions.isEmpty()) {
            actions.add(action("Nothing to fix; keep a recent snapshot", new Intent.SaveSnapshot(), ""));
        }
        return actions;
    }

    /**
     * A restore's drop-in left on some members (decision 0054). A restore not marked completed is finished first,
     * as the interrupted run would have: the same restore command again verifies the cluster, then removes the
     * drop-in. Otherwise (or if its data should stay as it runs) recover removes the drop-in, which only gives
     * etcd's next start its check back.
     */
    private List<RecommendedAction> dropInActions(List<MemberDiagnosis> dropIns, boolean recoverNotAdvisedYet) {
        if (dropIns.isEmpty()) {
            return List.of();
        }
        List<RecommendedAction> found = new ArrayList<>();
        boolean unfinished = dropIns.stream()
                .anyMatch(m -> m.restoreLeftover().marker() == RestoreLeftover.Marker.UNFINISHED);
        if (unfinished) {
            found.add(action("Finish the interrupted restore that left a drop-in on " + hosts(dropIns) + ": run the "
                    + "same restore command again (the same snapshot file, or --from-survivor with the same host); "
                    + "it verifies the cluster, then removes the drop-in and marks the restore completed",
                    new Intent.RestoreFromSnapshot(List.of()), "only with the same snapshot does it continue the "
                            + "interrupted run; another one is a new restore, refused while the cluster has quorum"));
        }
        if (recoverNotAdvisedYet) {
            found.add(action((unfinished ? "Or keep the data as it runs and only turn" : "Turn")
                    + " etcd's initial corruption check back on for later starts: recover removes the restore's "
                    + "drop-in on " + hosts(dropIns), new Intent.Recover(), unfinished
                    ? "the restore stays unverified and not marked completed" : ""));
        }
        return found;
    }

    private List<MemberDiagnosis> having(ProblemKind kind) {
        return having(members, kind);
    }

    private static List<MemberDiagnosis> having(List<MemberDiagnosis> members, ProblemKind kind) {
        return members.stream().filter(m -> m.has(kind)).toList();
    }

    /** What the operator fixes first, in words: recover cannot, and no restore would either. */
    private static List<String> operatorFixes(List<MemberDiagnosis> members, String dataDir) {
        List<String> parts = new ArrayList<>();
        List<MemberDiagnosis> expiredCa = having(members, ProblemKind.CA_EXPIRED);
        List<MemberDiagnosis> expired = having(members, ProblemKind.CERT_EXPIRED);
        if (!expiredCa.isEmpty()) {
            // the new CA's certificates replace the expired ones too: a renewal would sign with the expired CA
            parts.add("the CA expired on " + hosts(expiredCa) + ": quorum certs rotate-ca replaces it on every "
                    + "member at once");
        } else if (!expired.isEmpty()) {
            parts.add("certificates expired on " + hosts(expired) + ": quorum certs renew re-issues them");
        }
        List<MemberDiagnosis> full = having(members, ProblemKind.DISK_FULL);
        if (!full.isEmpty()) {
            parts.add("the disk under " + dataDir + " is full on " + hosts(full) + ": once space is freed there, "
                    + "quorum recover starts etcd");
        }
        return parts;
    }

    /** Each fix recover cannot make (a renewal, a new CA, space freed on a disk), first among the actions. */
    private List<RecommendedAction> operatorActions() {
        List<RecommendedAction> found = new ArrayList<>();
        List<MemberDiagnosis> expiredCa = having(ProblemKind.CA_EXPIRED);
        List<MemberDiagnosis> expired = having(ProblemKind.CERT_EXPIRED);
        if (!expiredCa.isEmpty()) {
            found.add(action("Replace the expired CA of " + hosts(expiredCa) + " with a new one: every member gets "
                    + "certificates from it and all restart together, as none accepts another while the CA is "
                    + "expired; nothing is lost", new Intent.RotateCa(), "every member restarts at once: a short "
                    + "outage if the cluster still serves on connections made before the CA expired"));
        } else if (!expired.isEmpty()) {
            found.add(action("Renew the expired certificates on " + hosts(expired) + " from the cluster CA: their "
                    + "peers accept them again, nothing is lost", new Intent.RenewCertificates(), ""));
        }
        having(ProblemKind.DISK_FULL).forEach(m -> found.add(action("Free space on " + m.host() + " under " + dataDir
                + " (data dirs moved aside beside it and old snapshots are the usual candidates; keep what you may "
                + "still need), then run recover, which starts etcd there", new Intent.Manual("df -h " + dataDir
                + "; du -sh " + dataDir + "*   # on " + m.host()), "")));
        return found;
    }

    /** A member whose unit someone disabled or masked is theirs to bring back: recover starts it once it is enabled. */
    private List<RecommendedAction> enableActions() {
        return having(ProblemKind.DISABLED).stream().map(m -> action("If etcd on " + m.host()
                + " was not taken out of service on purpose: enable it there (unmask it if masked), then run "
                + "recover, which starts it", new Intent.Manual("systemctl enable " + unit + "   # on " + m.host()),
                "")).toList();
    }

    private RecommendedAction action(String title, Intent intent, String risk) {
        return new RecommendedAction(title, intent, risk, inventory);
    }

    private int tolerance() {
        return evidence.up().size() - evidence.quorumSize();
    }

    private String clause(MemberDiagnosis m) {
        Problem first = m.problems().get(0);
        return switch (first.kind()) {
            case ISOLATED -> m.host() + " is cut off from " + after(first.text(), "peer port of ");
            case PEER_UNREACHABLE -> m.host() + " cannot reach " + after(first.text(), "peer port of ");
            case UNREACHABLE -> m.host() + " cannot be reached over SSH" + (reachedByPeers.contains(m.host())
                    ? " (its etcd answers the other members on the peer port)" : "");
            case DATA_LOST -> m.host() + " lost its data";
            case REMOVED -> m.host() + " runs a member the cluster removed";
            case WRONG_CLUSTER -> m.host() + " holds another cluster's data";
            case NOT_RUNNING -> "etcd is not running on " + m.host();
            case CERT_EXPIRED, CA_EXPIRED -> m.host() + "'s " + first.text();
            case DISK_FULL -> m.host() + ": " + first.text();
            case DISABLED -> "etcd is stopped and taken out of service on " + m.host() + " (its unit disabled or "
                    + "masked): recover leaves it stopped";
            case FROZEN -> "etcd on " + m.host() + " is stopped and answers nobody";
            case NO_LEADER -> m.host() + " has no leader";
            case LAGGING -> m.host() + " is " + first.text();
            case ALARM -> m.host() + " raised " + first.text();
            case NOT_A_MEMBER -> m.host() + " is in the inventory's etcd group but not a member";
            case LEARNER -> m.host() + " is a learner that was never promoted";
            case RESTORE_DROP_IN -> m.host() + " still has a restore's drop-in: etcd's next start there skips the "
                    + "initial corruption check";
        };
    }

    private static String shortly(MemberDiagnosis m) {
        return m.problems().isEmpty() ? "ok" : m.problems().get(0).kind().label().toLowerCase(Locale.ROOT);
    }

    private static String outlook(List<MemberDiagnosis> all, String dataDir) {
        List<String> parts = new ArrayList<>(operatorFixes(all, dataDir));
        List<MemberDiagnosis> unhealthy = all.stream().filter(m -> !m.needsTheOperatorFirst()).toList();
        List<MemberDiagnosis> waiting = unhealthy.stream().filter(m -> m.reachable() && m.needs(ProblemKind.Remedy.WAIT)
                && !m.needs(ProblemKind.Remedy.RESEED) && !m.needs(ProblemKind.Remedy.START)
                && !m.needs(ProblemKind.Remedy.RESTART)).toList();
        List<MemberDiagnosis> reseed = unhealthy.stream().filter(m -> m.needs(ProblemKind.Remedy.RESEED)).toList();
        List<MemberDiagnosis> start = unhealthy.stream().filter(m -> m.needs(ProblemKind.Remedy.START)
                && !m.needs(ProblemKind.Remedy.RESEED)).toList();
        if (!waiting.isEmpty()) {
            parts.add(hosts(waiting) + (waiting.size() == 1 ? " will catch up by itself" : " will catch up by themselves")
                    + " when the network heals");
        }
        if (!start.isEmpty()) {
            parts.add("quorum recover starts etcd on " + hosts(start));
        }
        List<MemberDiagnosis> restart = unhealthy.stream().filter(m -> m.needs(ProblemKind.Remedy.RESTART)
                && !m.needs(ProblemKind.Remedy.RESEED)).toList();
        if (!restart.isEmpty()) {
            parts.add("quorum recover restarts etcd on " + hosts(restart));
        }
        if (!reseed.isEmpty()) {
            parts.add("quorum recover re-seeds " + hosts(reseed));
        }
        List<MemberDiagnosis> dropIns = unhealthy.stream().filter(m -> m.has(ProblemKind.RESTORE_DROP_IN)).toList();
        if (!dropIns.isEmpty()) {
            parts.add("quorum recover removes the restore's drop-in on " + hosts(dropIns));
        }
        return parts.isEmpty() ? "" : "; " + String.join("; ", parts);
    }

    /** "starts etcd on lab1 and restarts it on lab2 and lab3", with the verbs given. */
    private static String bringsBack(QuorumReturn back, String start, String restart) {
        List<String> parts = new ArrayList<>();
        if (!back.start().isEmpty()) {
            parts.add(start + " etcd on " + and(back.start()));
        }
        if (!back.restart().isEmpty()) {
            parts.add(restart + (parts.isEmpty() ? " etcd" : " it") + " on " + and(back.restart()));
        }
        return String.join(" and ", parts);
    }

    private static String hosts(List<MemberDiagnosis> members) {
        return and(members.stream().map(MemberDiagnosis::host).toList());
    }

    private static String and(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String after(String text, String marker) {
        int at = text.indexOf(marker);
        String rest = at < 0 ? text : text.substring(at + marker.length());
        int last = rest.lastIndexOf(", ");
        return last < 0 ? rest : rest.substring(0, last) + " and " + rest.substring(last + 2);
    }
}
