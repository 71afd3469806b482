package dev.quorum.core.lifecycle.recover;

import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.inventory.InventoryHost;
import dev.quorum.core.remote.SshTarget;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-made host reports of a three-member cluster for the classification tests, and the classifier run on them. */
final class ClassifierFixtures {
    static final String CLUSTER = "c1";
    static final EtcdSettings SETTINGS = new EtcdSettings("v3.5.21", URI.create("file:///tmp/etcd.tgz"),
            Optional.empty(), "/var/lib/etcd", "/etc/ssl/etcd/ssl", "/usr/local/bin", 250, 5000, List.of(), List.of(),
            "k8s_etcd", "amd64");
    static final List<EtcdMember> THREE = List.of(member("h1", "10.0.0.1", "etcd1"),
            member("h2", "10.0.0.2", "etcd2"), member("h3", "10.0.0.3", "etcd3"));
    static final List<ListedMember> LIST = THREE.stream()
            .map(m -> new ListedMember("a" + m.hostName().charAt(1), m.memberName(), List.of(m.peerUrl()), false))
            .toList();
    static final RestoreLeftover NOTHING_LEFT = new RestoreLeftover(RestoreLeftover.DropIn.ABSENT,
            RestoreLeftover.Marker.NONE);

    static EtcdMember member(String host, String address, String name) {
        return new EtcdMember(new InventoryHost(host, address, new SshTarget(address, 22, "root", Optional.empty()),
                Map.of()), name);
    }

    /** A host whose member runs with leader a1, reaching every peer. */
    static HostReport healthy(EtcdMember m) {
        String id = "a" + m.hostName().charAt(1);
        return report(m, "active", Optional.of(status(id, CLUSTER, "a1", 100)), reachAll(m), DataDirState.PRESENT,
                List.of());
    }

    static LocalStatus status(String id, String cluster, String leader, long index) {
        return new LocalStatus(id, cluster, leader, 2, index, 20480, "3.4.23", false, List.of());
    }

    static Map<String, Boolean> reachAll(EtcdMember self) {
        Map<String, Boolean> reach = new LinkedHashMap<>();
        THREE.stream().filter(o -> o != self).forEach(o -> reach.put(o.address(), true));
        return reach;
    }

    static HostReport report(EtcdMember m, String service, Optional<LocalStatus> status,
                                     Map<String, Boolean> reach, DataDirState data, List<String> log) {
        return new HostReport(m.hostName(), m.address(), "", service, status, status.isPresent() ? "" : "refused",
                status.isPresent() ? LIST : List.of(), List.of(), reach, data, log, NOTHING_LEFT);
    }

    static Diagnosis classify(Map<String, HostReport> changed) {
        Map<String, HostReport> reports = new LinkedHashMap<>();
        THREE.forEach(m -> reports.put(m.hostName(), changed.getOrDefault(m.hostName(), healthy(m))));
        return Classifier.classify(THREE, reports, "hosts.yaml", SETTINGS, Instant.EPOCH);
    }

    /** {@code h} with what its host says of etcd's process, unit file, certificates and data disk replaced. */
    static HostReport withHostSide(HostReport h, ProcessState process, String unitFileState,
                                           List<ExpiredCertificate> expired, java.util.OptionalLong freeKib) {
        return new HostReport(h.host(), h.address(), "", h.serviceState(), h.status(), h.statusError(), h.memberList(),
                h.alarms(), h.peerReach(), h.dataDir(), h.logTail(), h.restoreLeftover(), process, unitFileState,
                expired, freeKib);
    }

    static HostReport withProcess(HostReport h, ProcessState process) {
        return withHostSide(h, process, h.unitFileState(), h.expired(), h.dataDirFreeKib());
    }

    static HostReport withUnitFile(HostReport h, String unitFileState) {
        return withHostSide(h, h.process(), unitFileState, h.expired(), h.dataDirFreeKib());
    }

    static HostReport withExpired(HostReport h, String host) {
        return withHostSide(h, h.process(), h.unitFileState(), List.of(new ExpiredCertificate(
                "/etc/ssl/etcd/ssl/member-" + host + ".pem", "Nov 30 09:43:35 2026 GMT", false)), h.dataDirFreeKib());
    }

    static HostReport withExpiredCa(HostReport h, String host) {
        return withHostSide(h, h.process(), h.unitFileState(), List.of(new ExpiredCertificate(
                "/etc/ssl/etcd/ssl/member-" + host + ".pem", "Nov 30 09:43:35 2026 GMT", false),
                new ExpiredCertificate("/etc/ssl/etcd/ssl/ca.pem", "Nov 30 09:40:00 2026 GMT", true)), h.dataDirFreeKib());
    }

    static HostReport withFree(HostReport h, long kib) {
        return withHostSide(h, h.process(), h.unitFileState(), h.expired(), java.util.OptionalLong.of(kib));
    }

    static HostReport withLeftover(EtcdMember m, RestoreLeftover.DropIn dropIn, RestoreLeftover.Marker marker) {
        HostReport h = healthy(m);
        return new HostReport(h.host(), h.address(), "", h.serviceState(), h.status(), "", h.memberList(), h.alarms(),
                h.peerReach(), h.dataDir(), h.logTail(), new RestoreLeftover(dropIn, marker));
    }

    private ClassifierFixtures() {
    }
}
