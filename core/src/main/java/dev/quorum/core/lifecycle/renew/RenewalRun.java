package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.certinventory.CertificateIdentities;
import dev.quorum.core.certinventory.CertificateInventory;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.pki.CertHost;
import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.CertificateDetails;
import dev.quorum.core.pki.CertificateInspector;
import dev.quorum.core.pki.CertificateProblem;
import dev.quorum.core.pki.CertificateRecord;
import dev.quorum.core.pki.CertificateRole;
import dev.quorum.core.pki.IssuedCertificate;
import dev.quorum.core.pki.KeyAlgorithm;
import dev.quorum.core.pki.KubesprayCertificate;
import dev.quorum.core.pki.KubesprayCertificates;
import dev.quorum.core.pki.ProblemCode;
import dev.quorum.core.pki.Severity;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What the steps of one renewal share: the mode the guard chose, the certificates issued so far
 * (one per logical certificate, written to every host that keeps a copy), and the hosts whose
 * health is still to be confirmed.
 */
final class RenewalRun {
    private final LifecycleSession session;
    private final RenewalRequest request;
    private final Supplier<Optional<CertificateAuthority>> issuer;
    private final AtomicReference<RenewalMode> mode = new AtomicReference<>(RenewalMode.UNDECIDED);
    private final Map<String, IssuedCertificate> issued = new ConcurrentHashMap<>();
    private final Set<String> issuedFingerprints = ConcurrentHashMap.newKeySet();
    private final Set<String> awaitingHealth = ConcurrentHashMap.newKeySet();
    private volatile RenewalRun sharingFiles;

    /** A renewal: the workstation's CA issues. */
    RenewalRun(LifecycleSession session, RenewalRequest request) {
        this(session, request, () -> Optional.of(session.cluster().pki().ca()));
    }

    /**
     * @param issuer the CA that issues and that certificates must be signed by; empty while it does
     *               not exist yet (a CA rotation previewed before its new CA is made)
     */
    RenewalRun(LifecycleSession session, RenewalRequest request, Supplier<Optional<CertificateAuthority>> issuer) {
        this.session = session;
        this.request = request;
        this.issuer = issuer;
    }

    LifecycleSession session() {
        return session;
    }

    RenewalRequest request() {
        return request;
    }

    RenewalMode mode() {
        return mode.get();
    }

    void decide(RenewalMode chosen) {
        mode.set(chosen);
    }

    Optional<CertificateAuthority> issuer() {
        return issuer.get();
    }

    CertificateAuthority ca() {
        return issuer.get().orElseThrow(() -> new IllegalStateException("the issuing CA does not exist yet"));
    }

    /** The host's files as the inventory sees them, checked against the workstation's CA. */
    List<CertificateRecord> inspect(String host) throws Exception {
        CertificateInventory inventory = new CertificateInventory(session.cluster().inventory(), session::remote,
                request.warn(), Clock.systemUTC());
        var read = inventory.read(host);
        return new CertificateInspector(List.of(ca().certificate()), CertificateIdentities.of(session.cluster()
                .inventory()), request.warn(), Clock.systemUTC()).inspect(host, read.files(), read.settings());
    }

    /** The member, admin and node certificates of the host that need a new certificate, and why. */
    List<RenewableCertificate> toRenew(String host, List<CertificateRecord> records) {
        List<RenewableCertificate> renew = new ArrayList<>();
        KubesprayCertificates layout = layout();
        String dir = session.settings().certDir();
        for (CertificateRecord record : records) {
            Optional<KubesprayCertificate> expected = expected(layout, host, record);
            if (expected.isEmpty()) {
                continue;
            }
            String reason = reason(record);
            if (!reason.isEmpty()) {
                String key = record.keyPath().orElse(record.path().replaceFirst("\\.pem$", "-key.pem"));
                String logical = record.path().startsWith(dir + "/") ? record.fileName() : record.path();
                renew.add(new RenewableCertificate(logical, record.path(), key, expected.get().request(), reason));
            }
        }
        for (KubesprayCertificate own : layout.forEtcdHost(host)) {
            String path = dir + "/" + own.certificateFile();
            if (records.stream().noneMatch(r -> r.path().equals(path))) {
                renew.add(new RenewableCertificate(own.certificateFile(), path, dir + "/" + own.keyFile(),
                        own.request(), "missing"));
            }
        }
        return renew;
    }

    /** Keys whose mode is too open but whose certificate stays: a chmod is enough. */
    List<String> keysToTighten(List<CertificateRecord> records, List<RenewableCertificate> renewing) {
        return records.stream().filter(r -> r.has(ProblemCode.KEY_PERMISSIONS)).flatMap(r -> r.keyPath().stream())
                .filter(key -> renewing.stream().noneMatch(c -> c.keyPath().equals(key))).distinct().toList();
    }

    private String reason(CertificateRecord record) {
        String problems = record.problems().stream()
                .filter(p -> p.severity() != Severity.NOTE && p.code() != ProblemCode.KEY_PERMISSIONS)
                .map(CertificateProblem::message).collect(Collectors.joining("; "));
        if (!problems.isEmpty()) {
            return problems;
        }
        boolean renewedHere = record.details().map(CertificateDetails::fingerprint)
                .map(issuedFingerprints::contains).orElse(false);
        return request.all() && !renewedHere ? "re-issue of every certificate requested" : "";
    }

    /** What Quorum would issue into this file, if it is one Quorum manages. */
    private static Optional<KubesprayCertificate> expected(KubesprayCertificates layout, String host,
                                                           CertificateRecord record) {
        String subject = CertificateRole.subjectHost(record.fileName());
        String forHost = subject.isEmpty() || !record.usedBy().isEmpty() && !subject.equals(host) ? host : subject;
        try {
            return switch (record.role()) {
                case MEMBER -> Optional.of(layout.member(forHost));
                case ADMIN -> Optional.of(layout.admin(forHost));
                case NODE -> Optional.of(layout.node(subject.isEmpty() ? host : subject));
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException notAnEtcdHost) {
            // A copy of a member's files whose host left the etcd group: not ours to renew.
            return Optional.empty();
        }
    }

    KubesprayCertificates layout() {
        List<CertHost> hosts = session.cluster().inventory().etcdMembers().stream().map(EtcdMember::host)
                .map(CertificateIdentities::of).toList();
        KeyAlgorithm algorithm = ca().certificate().getPublicKey().getAlgorithm().equals("RSA")
                ? KeyAlgorithm.RSA_2048 : KeyAlgorithm.EC_P256;
        return new KubesprayCertificates(hosts, session.settings().certAltNames(), session.settings().certAltIps(),
                algorithm, Duration.ofDays(session.settings().tuning().certificateDays()));
    }

    /** One new certificate per logical certificate in this run, whichever host asks first. */
    IssuedCertificate issue(RenewableCertificate certificate) {
        return issued.computeIfAbsent(certificate.logicalName(), name -> {
            IssuedCertificate fresh = ca().issue(certificate.request());
            issuedFingerprints.add(CertificateDetails.fingerprint(fresh.certificate()));
            return fresh;
        });
    }

    void awaitHealth(String host) {
        awaitingHealth.add(host);
        RenewalRun follower = sharingFiles;
        if (follower != null) {
            follower.awaitHealth(host);
        }
    }

    /**
     * {@code follower}'s members (the events cluster's, decision 0048) read this run's files: a host whose files
     * this run changed awaits its health there too, so its member there is proven healthy before the next host.
     */
    RenewalRun sharingFilesWith(RenewalRun follower) {
        this.sharingFiles = follower;
        return this;
    }

    boolean awaitingHealth(String host) {
        return awaitingHealth.contains(host);
    }

    void healthy(String host) {
        awaitingHealth.remove(host);
    }
}
