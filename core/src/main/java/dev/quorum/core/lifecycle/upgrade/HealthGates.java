package dev.quorum.core.lifecycle.upgrade;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Every member answers, is healthy and reports its version; no alarms. Unknown is a refusal, naming who. */
final class HealthGates {
    private HealthGates() {
    }

    static List<UpgradeRefusal> check(ObservedCluster observed) {
        List<UpgradeRefusal> refusals = new ArrayList<>();
        if (observed.members().isEmpty()) {
            refusals.add(new UpgradeRefusal(Gate.UNREACHABLE, "no member of the cluster is on an inventory host",
                    "check the inventory's etcd group against quorum status"));
            return refusals;
        }
        String unreachable = observed.members().stream().filter(m -> !m.reachable())
                .map(m -> m.memberName() + " on " + m.hostName() + " (" + m.unreachable().orElseThrow() + ")")
                .collect(Collectors.joining(", "));
        if (!unreachable.isEmpty()) {
            refusals.add(new UpgradeRefusal(Gate.UNREACHABLE, "could not reach " + unreachable
                    + ": their state is unknown, and an upgrade restarts every member in turn",
                    "make every member reachable from this workstation (SSH and the client port), then run "
                            + "quorum upgrade again; quorum diagnose asks each host over SSH"));
        }
        if (!observed.unlisted().isEmpty()) {
            refusals.add(new UpgradeRefusal(Gate.UNREACHABLE, "the cluster lists members on no inventory host: "
                    + String.join(", ", observed.unlisted()) + "; they would keep their old version",
                    "add their hosts to the inventory's etcd group, or remove them (quorum remove)"));
        }
        String silent = observed.members().stream().filter(m -> m.reachable() && m.version().isEmpty())
                .map(ObservedMember::memberName).collect(Collectors.joining(", "));
        if (!silent.isEmpty()) {
            refusals.add(new UpgradeRefusal(Gate.UNREACHABLE, "no version reported by " + silent,
                    "check etcd on those hosts (quorum status)"));
        }
        String unhealthy = observed.members().stream().filter(m -> m.reachable() && !m.healthy())
                .map(ObservedMember::memberName).collect(Collectors.joining(", "));
        if (!unhealthy.isEmpty()) {
            refusals.add(new UpgradeRefusal(Gate.UNHEALTHY, "not healthy (no leader or errors): " + unhealthy
                    + "; each member in turn stops during an upgrade, which would cost the quorum",
                    "bring them back first (quorum diagnose shows why), then run quorum upgrade again"));
        }
        if (!observed.alarms().isEmpty()) {
            refusals.add(new UpgradeRefusal(Gate.ALARMS, "alarms are raised: " + String.join(", ", observed.alarms()),
                    "clear them first: NOSPACE with quorum maintain (compact, defrag, alarms --disarm); CORRUPT by "
                            + "re-seeding the member (quorum replace)"));
        }
        return refusals;
    }
}
