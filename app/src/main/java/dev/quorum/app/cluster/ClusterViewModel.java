package dev.quorum.app.cluster;

import dev.quorum.app.common.EtcdRouteWords;
import dev.quorum.core.ActionableError;
import dev.quorum.core.cluster.EtcdRoutes;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.remote.JumpHost;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One open cluster as observable state. {@link #apply} turns a {@link ClusterStatus} into it,
 * updating members in place; the list itself changes only when membership does. UI thread only.
 */
public final class ClusterViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final String clusterName;
    private final ZoneId zone;
    private final ObservableList<MemberViewModel> members = FXCollections.observableArrayList();
    private final ObservableList<MemberViewModel> readOnlyMembers = FXCollections.unmodifiableObservableList(members);
    private final Map<String, MemberViewModel> byName = new HashMap<>();
    private final StringProperty sentence = new SimpleStringProperty("reading the cluster's status...");
    private final StringProperty leader = new SimpleStringProperty("leader: -");
    private final StringProperty lastRefresh = new SimpleStringProperty("not refreshed yet");
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty versions = new SimpleStringProperty("versions: -");
    private final StringProperty clusterVersion = new SimpleStringProperty("-");
    private final ReadOnlyBooleanWrapper mixedVersions = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<ClusterHealth> health = new SimpleObjectProperty<>(ClusterHealth.UNKNOWN);
    private final ObjectProperty<MemberViewModel> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<PeerLinks> peerLinks = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper caMissing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper bastion = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper etcdRoute = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper etcdRouteLine = new ReadOnlyStringWrapper("");
    private long refreshes;

    public ClusterViewModel(String clusterName, List<EtcdMember> inventoryMembers, ZoneId zone) {
        this.clusterName = clusterName;
        this.zone = zone;
        List<MemberViewModel> initial = new ArrayList<>();
        for (EtcdMember m : inventoryMembers) {
            MemberViewModel vm = new MemberViewModel(m.memberName(), m.hostName(), m.clientUrl());
            byName.put(m.memberName(), vm);
            initial.add(vm);
        }
        members.setAll(initial);
        List<String> jumps = inventoryMembers.stream().map(m -> m.host().ssh().jump()).flatMap(Optional::stream)
                .map(JumpHost::displayName).distinct().toList();
        bastion.set(jumps.isEmpty() ? "" : "through " + String.join(", ", jumps));
    }

    public void apply(ClusterStatus status, Instant at) {
        Optional<EndpointStatus> leaderStatus = status.leader().flatMap(MemberStatus::status);
        List<MemberViewModel> order = new ArrayList<>();
        for (MemberStatus member : status.members()) {
            MemberViewModel vm = byName.computeIfAbsent(member.memberName(),
                    n -> new MemberViewModel(n, member.hostName(), member.endpoint()));
            vm.update(member, MemberStates.of(member, status), leaderStatus, MemberStates.alarmsOf(member, status));
            order.add(vm);
        }
        if (!order.equals(members)) {
            byName.keySet().retainAll(order.stream().map(MemberViewModel::name).toList());
            members.setAll(order);
            if (selected.get() != null && !order.contains(selected.get())) {
                selected.set(null);
            }
        }
        Props.set(sentence, status.sentence());
        Props.set(leader, status.leader().map(l -> "leader: " + l.memberName() + " on " + l.hostName())
                .orElse("no leader"));
        Props.set(health, MemberStates.health(status));
        Props.set(versions, status.versionSentence());
        Props.set(clusterVersion, status.clusterVersion().map(v -> v.line()).orElse("-"));
        mixedVersions.set(status.mixedVersions());
        Props.set(problem, "");
        caMissing.set(false);
        refreshed(at);
    }

    /** How the session reaches etcd, as found by the last read (see EtcdRouteWords). */
    public void routes(EtcdRoutes routes) {
        Props.set(etcdRoute, EtcdRouteWords.header(routes));
        Props.set(etcdRouteLine, EtcdRouteWords.line(routes).orElse(""));
    }

    /** No status at all (no CA, no route...): every fact is unknown, and the reason is shown. */
    public void failed(Throwable error, Instant at) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        String hint = error instanceof ActionableError a && !a.hint().isBlank() ? "; " + a.hint() : "";
        Props.set(problem, message + hint);
        Props.set(sentence, "status unknown: " + message);
        Props.set(leader, "leader: -");
        Props.set(health, ClusterHealth.UNKNOWN);
        Props.set(versions, "versions: -");
        Props.set(clusterVersion, "-");
        mixedVersions.set(false);
        members.forEach(m -> m.unknown(message));
        caMissing.set(error instanceof NoCertificatesException);
        refreshed(at);
    }

    private void refreshed(Instant at) {
        refreshes++;
        Props.set(lastRefresh, "refreshed " + TIME.format(at.atZone(zone)));
    }

    public void select(MemberViewModel member) {
        selected.set(member);
    }

    public Optional<MemberViewModel> member(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public String clusterName() {
        return clusterName;
    }

    public ObservableList<MemberViewModel> members() {
        return readOnlyMembers;
    }

    public ReadOnlyStringProperty sentenceProperty() {
        return sentence;
    }

    public ReadOnlyStringProperty leaderProperty() {
        return leader;
    }

    /** The members' versions and the cluster version in words (see ClusterStatus#versionSentence). */
    public ReadOnlyStringProperty versionsProperty() {
        return versions;
    }

    /** The version the cluster as a whole speaks ("3.6"), "-" while unknown. */
    public ReadOnlyStringProperty clusterVersionProperty() {
        return clusterVersion;
    }

    /** Members run different etcd versions: a rolling upgrade (or rollback) is under way. */
    public ReadOnlyBooleanProperty mixedVersionsProperty() {
        return mixedVersions.getReadOnlyProperty();
    }

    /** "through bastion HOST" when the inventory reaches its members through a jump host; empty when direct. */
    public ReadOnlyStringProperty bastionProperty() {
        return bastion.getReadOnlyProperty();
    }

    /** "etcd through SSH tunnels" while any member's etcd is reached through SSH; empty when all are direct. */
    public ReadOnlyStringProperty etcdRouteProperty() {
        return etcdRoute.getReadOnlyProperty();
    }

    /** The route in one sentence, with the reason ("client port 2379 not reachable from here"), for a tooltip. */
    public ReadOnlyStringProperty etcdRouteLineProperty() {
        return etcdRouteLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastRefreshProperty() {
        return lastRefresh;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /** True while the status cannot be read because the cluster's CA is not on this workstation: adopt or install it. */
    public ReadOnlyBooleanProperty caMissingProperty() {
        return caMissing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ClusterHealth> healthProperty() {
        return health;
    }

    public ObjectProperty<MemberViewModel> selectedProperty() {
        return selected;
    }

    /** Who reached whom in the last diagnosis of this cluster; null before one ran. */
    public ObjectProperty<PeerLinks> peerLinksProperty() {
        return peerLinks;
    }

    public long refreshes() {
        return refreshes;
    }
}
