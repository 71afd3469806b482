package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.release.EtcdVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubespray's etcd-events runs the main cluster's binary (/usr/local/bin/etcd): whatever is installed there is
 * what each events member runs after its next restart. These gates keep every such restart a supported one
 * (decision 0043), from what was observed alone; a version nobody reported is unknown and refuses.
 */
final class EventsVersionGate {
    private EventsVersionGate() {
    }

    /**
     * Before the main cluster's upgrade or rollback changes the shared binary: an events member still on an older
     * hop than the main cluster's lowest would jump two minors on its next restart, and one already on a version
     * newer than the rollback's would be downgraded by it.
     *
     * @param events each events member's running version, by member name
     */
    static List<UpgradeRefusal> forMain(EtcdVersion mainLowest, EtcdVersion target, boolean rollback,
                                        Map<String, Optional<EtcdVersion>> events) {
        List<UpgradeRefusal> refusals = new ArrayList<>(unknown(events, "the events cluster's member "));
        events.forEach((name, version) -> version.ifPresent(running -> {
            if (rollback && running.compareTo(mainLowest) > 0) {
                refusals.add(new UpgradeRefusal(Gate.EVENTS_CLUSTER, name + " already runs " + running
                        + ": putting etcd " + mainLowest + " back on its host would downgrade it on its next restart",
                        "etcd does not downgrade a minor by restart; keep the main cluster on the new version (run "
                                + "quorum upgrade to finish it)"));
            } else if (!rollback && !withinOneMinor(running, target)) {
                refusals.add(new UpgradeRefusal(Gate.EVENTS_CLUSTER, name + " still runs " + running + ": on "
                        + target + " its next restart would skip a minor version", "first bring the events cluster "
                        + "to " + mainLowest + " with quorum upgrade --cluster events (etcd_version: " + mainLowest
                        + " in the inventory while you do)"));
            } else if (!rollback && running.compareTo(target) > 0) {
                refusals.add(new UpgradeRefusal(Gate.EVENTS_CLUSTER, name + " runs " + running + ", newer than "
                        + target + ": installing " + target + " would downgrade it on its next restart",
                        "set etcd_version to " + running + " or later"));
            }
        }));
        return refusals;
    }

    /**
     * Before a downgrade changes the shared binary (decision 0068): etcd's downgrade goes one minor back, so every
     * events member runs the minor just above the target, or the target itself (a run cut off and run again); and no
     * downgrade to another version may be enabled on it. Its own downgrade is then enabled before any member restarts.
     *
     * @param running each events member's running version, by member name
     * @param states  what each events member above the target reported of its downgrade state, by member name
     */
    static List<UpgradeRefusal> forDowngrade(EtcdVersion target, Map<String, Optional<EtcdVersion>> running,
                                             Map<String, DowngradeStatus> states) {
        List<UpgradeRefusal> refusals = new ArrayList<>(unknown(running, "the events cluster's member "));
        String newer = target.major() + "." + (target.minor() + 1);
        running.forEach((name, version) -> version.filter(v -> !v.equals(target)).ifPresent(v -> {
            DowngradeStatus state = states.getOrDefault(name, DowngradeStatus.NOT_READ);
            if (!v.line().equals(newer)) {
                refusals.add(new UpgradeRefusal(Gate.EVENTS_CLUSTER, "the events cluster's member " + name + " runs "
                        + v + ", neither " + newer + " nor " + target + ": the downgrade to " + target.line()
                        + " goes one minor back, from " + newer, "bring the events cluster to the main cluster's "
                        + "version first (quorum upgrade --cluster events)"));
            } else if (!state.read()) {
                refusals.add(new UpgradeRefusal(Gate.UNREACHABLE, "could not read the downgrade state of the events "
                        + "cluster's member " + name + ": " + state.unread(), "check that its host answers over SSH "
                        + "and etcdctl there reaches port " + ClusterLayout.EVENTS.clientPort() + ", then run the same "
                        + "command again"));
            } else if (state.enabledTarget().isPresent() && !state.downgradingTo(target.line())) {
                refusals.add(new UpgradeRefusal(Gate.EVENTS_CLUSTER, "a downgrade to " + state.enabledTarget().get()
                        + " is enabled on the events cluster (reported by " + name + ")", "cancel it (etcdctl "
                        + "--endpoints=<an events member>:" + ClusterLayout.EVENTS.clientPort() + " downgrade cancel), "
                        + "then run quorum upgrade --downgrade again"));
            }
        }));
        return refusals;
    }

    /**
     * Before the events cluster is restarted onto the target: the main cluster must run it on every member and the
     * binary on every host must be it, so the restart moves the events members exactly there.
     *
     * @param main     each main member's running version, by member name
     * @param binaries the etcd binary's version on each events host, by host name
     */
    static List<UpgradeRefusal> forEvents(Map<String, Optional<EtcdVersion>> main,
                                          Map<String, Optional<EtcdVersion>> binaries, EtcdVersion target) {
        List<UpgradeRefusal> refusals = new ArrayList<>(unknown(main, "the main cluster's member "));
        refusals.addAll(unknown(binaries, "the etcd binary on "));
        String hint = "upgrade the main cluster first: quorum upgrade (without --cluster) installs etcd " + target
                + " on the hosts and restarts its members, then the events cluster follows";
        main.forEach((name, version) -> version.filter(v -> !v.equals(target)).ifPresent(v -> refusals.add(
                new UpgradeRefusal(Gate.EVENTS_CLUSTER, "the main cluster's member " + name + " runs " + v
                        + ", not " + target, hint))));
        binaries.forEach((host, version) -> version.filter(v -> !v.equals(target)).ifPresent(v -> refusals.add(
                new UpgradeRefusal(Gate.EVENTS_CLUSTER, "the etcd binary on " + host + " is " + v + ", not "
                        + target, hint))));
        return refusals;
    }

    /**
     * Before the shared binary goes from 3.5 to 3.6: an events member whose v2 store holds custom content would not
     * start again (the main cluster's members have the same gate); one whose store could not be read refuses too.
     * v2 records only in the WAL pass: the snapshot restart before the hop clears them, as for the main members.
     *
     * @param stores what {@code etcdutl check v2store} said for each events member on that hop, by member name
     */
    static List<UpgradeRefusal> v2Stores(Map<String, V2Store> stores) {
        List<UpgradeRefusal> refusals = new ArrayList<>();
        String data = names(stores, V2Store.V2_DATA);
        if (!data.isEmpty()) {
            refusals.add(new UpgradeRefusal(Gate.V2_STORE, "etcdutl check v2store finds custom v2 content on the "
                    + "events cluster's " + data + ": etcd 3.6 refuses to start on it, and it runs the main "
                    + "cluster's binary", "delete the v2 keys on the events cluster (ETCDCTL_API=2 etcdctl rm, on "
                    + "port " + ClusterLayout.EVENTS.clientPort() + "), then run quorum "
                    + "upgrade again"));
        }
        String unknown = names(stores, V2Store.UNKNOWN) + names(stores, V2Store.NOT_CHECKED);
        if (!unknown.isEmpty()) {
            refusals.add(new UpgradeRefusal(Gate.V2_STORE, "could not check the v2 store of the events cluster's "
                    + unknown + " (etcdutl check v2store of 3.5.32 or later, over SSH)", "make the host reachable "
                    + "and put etcdutl 3.5.32+ beside etcd (quorum upgrade to the newest 3.5 patch does), then run "
                    + "quorum upgrade again"));
        }
        return refusals;
    }

    /**
     * Before the shared binary goes from 3.5 to 3.6: an events member whose v3 store marks current members removed
     * would refuse them as peers on 3.6 (decision 0067, as for the main members); one not read refuses too.
     *
     * @param marks        what each events member on that hop marks removed, by member name
     * @param eventsName   the events cluster's name, for the restore that gives it a fresh membership
     */
    static List<UpgradeRefusal> removedMarks(Map<String, RemovedMarks> marks, String eventsName) {
        return VersionGates.removedMarkGates(marks, "the events cluster's 3.5 members", "keep both clusters on 3.5 "
                + "and give the events cluster a fresh membership: stop the API servers, quorum snapshot save "
                + "--cluster events, quorum restore --cluster events --snapshot FILE --roll-back-live-cluster "
                + eventsName + "; then run quorum upgrade again (docs/guide/upgrade.md)");
    }

    private static String names(Map<String, V2Store> stores, V2Store state) {
        return String.join(", ", stores.entrySet().stream().filter(e -> e.getValue() == state)
                .map(Map.Entry::getKey).toList());
    }

    /** A restart from {@code running} onto {@code target} is one etcd supports: the same minor or the next. */
    static boolean withinOneMinor(EtcdVersion running, EtcdVersion target) {
        return running.major() == target.major() && target.minor() - running.minor() <= 1;
    }

    private static List<UpgradeRefusal> unknown(Map<String, Optional<EtcdVersion>> versions, String what) {
        return versions.entrySet().stream().filter(e -> e.getValue().isEmpty())
                .map(e -> new UpgradeRefusal(Gate.UNREACHABLE, what + e.getKey() + " did not report its version",
                        "make it reachable (quorum status --cluster events, quorum diagnose), then run the same "
                                + "command again"))
                .toList();
    }
}
