package dev.quorum.app.cluster;

import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.MemberStatus;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One member as the views show it. Updated in place on every refresh (a property fires only
 * when its value really changes), so views bind once and never rebuild.
 */
public final class MemberViewModel {
    /** etcd's default --quota-backend-bytes (Kubespray keeps it). */
    static final long DEFAULT_QUOTA = 2L * 1024 * 1024 * 1024;

    private final String name;
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final ObjectProperty<MemberState> state = new SimpleObjectProperty<>(MemberState.UNKNOWN);
    private final StringProperty version = new SimpleStringProperty("");
    private final StringProperty raft = new SimpleStringProperty("");
    private final StringProperty lag = new SimpleStringProperty("");
    private final StringProperty dbSize = new SimpleStringProperty("");
    private final StringProperty alarms = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty memberId = new SimpleStringProperty("");
    private final StringProperty service = new SimpleStringProperty("");
    private final StringProperty certificate = new SimpleStringProperty("");

    MemberViewModel(String name, String host, String endpoint) {
        this.name = name;
        this.host.set(host);
        this.endpoint.set(endpoint);
    }

    /** @param leader the leader's own status, to say how far behind this member is */
    void update(MemberStatus member, MemberState newState, Optional<EndpointStatus> leader, List<String> memberAlarms) {
        Props.set(host, member.hostName());
        Props.set(endpoint, member.endpoint());
        Props.set(state, newState);
        Props.set(problem, member.error());
        Props.set(alarms, memberAlarms.isEmpty() ? "none" : String.join(", ", memberAlarms));
        Optional<EndpointStatus> own = member.status();
        Props.set(version, own.map(EndpointStatus::version).orElse("-"));
        Props.set(memberId, own.map(s -> Long.toHexString(s.memberId())).orElse("-"));
        Props.set(raft, own.map(s -> "term " + s.raftTerm() + ", index " + s.raftIndex()
                + " (applied " + s.raftAppliedIndex() + ")").orElse("-"));
        Props.set(dbSize, own.map(s -> Sizes.bytes(s.dbSize()) + " of " + Sizes.bytes(DEFAULT_QUOTA) + " quota ("
                + Sizes.bytes(s.dbSizeInUse()) + " in use)").orElse("-"));
        Props.set(lag, lagText(own, leader));
    }

    private static String lagText(Optional<EndpointStatus> own, Optional<EndpointStatus> leader) {
        if (own.isEmpty() || leader.isEmpty()) {
            return "-";
        }
        if (own.get().isLeader()) {
            return "is the leader";
        }
        long behind = Math.max(0, leader.get().raftIndex() - own.get().raftIndex());
        return behind == 0 ? "up to date" : behind + (behind == 1 ? " entry" : " entries") + " behind";
    }

    /** When no status could be read at all: the member's facts are unknown, not healthy. */
    void unknown(String why) {
        Props.set(state, MemberState.UNKNOWN);
        Props.set(problem, why);
    }

    public String name() {
        return name;
    }

    public ReadOnlyStringProperty hostProperty() {
        return host;
    }

    public ReadOnlyStringProperty endpointProperty() {
        return endpoint;
    }

    public ReadOnlyObjectProperty<MemberState> stateProperty() {
        return state;
    }

    public MemberState state() {
        return state.get();
    }

    public ReadOnlyStringProperty versionProperty() {
        return version;
    }

    public ReadOnlyStringProperty raftProperty() {
        return raft;
    }

    public ReadOnlyStringProperty lagProperty() {
        return lag;
    }

    public ReadOnlyStringProperty dbSizeProperty() {
        return dbSize;
    }

    public ReadOnlyStringProperty alarmsProperty() {
        return alarms;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /** The host's etcd service ("etcd active, enabled at boot"); read when the member is selected. */
    public ReadOnlyStringProperty serviceProperty() {
        return service;
    }

    /** The certificate the member serves, with its expiry; read when the member is selected. */
    public ReadOnlyStringProperty certificateProperty() {
        return certificate;
    }

    void hostFacts(HostFacts facts) {
        Props.set(service, facts.service());
        Props.set(certificate, facts.certificate());
    }

    public ReadOnlyStringProperty memberIdProperty() {
        return memberId;
    }

    @Override
    public String toString() {
        return name + " (" + state.get().words() + ")";
    }
}
