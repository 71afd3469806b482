package dev.quorum.core.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the certificate files of one host (as fetched, with their modes) and says, per
 * certificate, what it is and what is wrong with it. Pure: the caller fetches the files.
 */
public final class CertificateInspector {
    public static final Duration DEFAULT_WARN = Duration.ofDays(30);
    /** A key may be read by its owner and group (Kubespray's 0640 with group kube), never by others. */
    private static final int ALLOWED_KEY_BITS = 0740;

    private final List<X509Certificate> clusterCa;
    private final Map<String, CertHost> etcdHosts;
    private final Duration warn;
    private final Clock clock;

    /**
     * @param clusterCa the CA certificates the cluster trusts (more than one during a CA rotation);
     *                  empty when unknown, and then nothing is checked against a CA
     * @param etcdHosts the etcd hosts by inventory name: a member certificate must cover its host
     */
    public CertificateInspector(List<X509Certificate> clusterCa, Map<String, CertHost> etcdHosts, Duration warn,
                                Clock clock) {
        this.clusterCa = List.copyOf(clusterCa);
        this.etcdHosts = Map.copyOf(etcdHosts);
        this.warn = Objects.requireNonNull(warn, "warn");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (warn.isNegative()) {
            throw new IllegalArgumentException("the warning window must not be negative: " + warn);
        }
    }

    /**
     * @param files the {@code .pem} files of the cert dir and those the settings name (missing ones
     *              as {@link CertFile#missing})
     */
    public List<CertificateRecord> inspect(String host, List<CertFile> files, EtcdTlsSettings settings) {
        Map<String, CertFile> byPath = files.stream()
                .collect(Collectors.toMap(CertFile::path, f -> f, (a, b) -> a, java.util.LinkedHashMap::new));
        Set<String> certificates = new LinkedHashSet<>();
        byPath.keySet().stream().filter(CertificateInspector::looksLikeCertificate).sorted().forEach(certificates::add);
        certificates.addAll(settings.certificatePaths());
        List<CertificateRecord> records = new ArrayList<>();
        for (String path : certificates) {
            records.add(inspectOne(host, path, byPath, settings));
        }
        Set<String> claimed = new LinkedHashSet<>();
        records.forEach(r -> r.keyPath().ifPresent(claimed::add));
        claimed.add(caKeyOf(records));
        byPath.values().stream().filter(f -> f.exists() && f.fileName().endsWith("-key.pem"))
                .filter(f -> !claimed.contains(f.path())).sorted(java.util.Comparator.comparing(CertFile::path))
                .forEach(f -> records.add(new CertificateRecord(host, f.path(), CertificateRole.OTHER, List.of(),
                        Optional.empty(), Optional.of(f.path()), List.of(problem(ProblemCode.ORPHAN_KEY,
                        "private key without its certificate")))));
        return records;
    }

    /** A CA key is claimed by its certificate even when that certificate shows no key path. */
    private static String caKeyOf(List<CertificateRecord> records) {
        return records.stream().filter(r -> r.role() == CertificateRole.CA && r.path().endsWith(".pem"))
                .map(r -> r.path().substring(0, r.path().length() - ".pem".length()) + "-key.pem")
                .findFirst().orElse("");
    }

    private static boolean looksLikeCertificate(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".pem") && !name.endsWith("-key.pem") && !name.endsWith(".key.pem");
    }

    private CertificateRecord inspectOne(String host, String path, Map<String, CertFile> files,
                                         EtcdTlsSettings settings) {
        List<String> usedBy = settings.certificateSettingsFor(path);
        CertFile file = files.getOrDefault(path, CertFile.missing(path));
        CertificateRole role = role(file.fileName(), usedBy);
        Optional<String> keyPath = keyPath(path, usedBy, settings);
        List<CertificateProblem> problems = new ArrayList<>();
        if (!file.exists()) {
            problems.add(problem(ProblemCode.UNREADABLE, "file missing"
                    + (usedBy.isEmpty() ? "" : " (named by " + String.join(", ", usedBy) + " in /etc/etcd.env)")));
            return new CertificateRecord(host, path, role, usedBy, Optional.empty(), keyPath, problems);
        }
        List<X509Certificate> chain;
        try {
            chain = PemCodec.parseCertificates(file.content().get());
        } catch (PkiException e) {
            problems.add(problem(ProblemCode.UNREADABLE, e.getMessage()));
            return new CertificateRecord(host, path, role, usedBy, Optional.empty(), keyPath, problems);
        }
        X509Certificate certificate = chain.get(0);
        if (role == CertificateRole.OTHER && certificate.getBasicConstraints() >= 0) {
            role = CertificateRole.CA;
        }
        Instant now = clock.instant();
        problems.addAll(validity(certificate, now));
        problems.addAll(role == CertificateRole.CA ? caProblems(chain) : issuerProblems(certificate));
        if (role == CertificateRole.MEMBER) {
            sanTarget(host, file.fileName(), usedBy).ifPresent(target -> problems.addAll(sanProblems(certificate, target)));
        }
        problems.addAll(usageProblems(certificate, role));
        problems.addAll(keyProblems(certificate, role, keyPath, files));
        // A CA without its key on the host is the good case: no key path to show then.
        boolean caWithoutKey = role == CertificateRole.CA
                && keyPath.map(k -> !files.getOrDefault(k, CertFile.missing(k)).exists()).orElse(true);
        return new CertificateRecord(host, path, role, usedBy, Optional.of(CertificateDetails.of(certificate, now)),
                caWithoutKey ? Optional.empty() : keyPath, problems);
    }

    private static CertificateRole role(String fileName, List<String> usedBy) {
        if (usedBy.stream().anyMatch(EtcdTlsSettings.MEMBER_SETTINGS::contains)) {
            return CertificateRole.MEMBER;
        }
        if (usedBy.contains("ETCDCTL_CERT")) {
            return CertificateRole.ADMIN;
        }
        if (usedBy.stream().anyMatch(EtcdTlsSettings.CA_SETTINGS::contains)) {
            return CertificateRole.CA;
        }
        return CertificateRole.ofFileName(fileName);
    }

    /** The setting's key if etcd names one, else Kubespray's name: {@code X.pem} has {@code X-key.pem}. */
    private static Optional<String> keyPath(String path, List<String> usedBy, EtcdTlsSettings settings) {
        Optional<String> fromSettings = settings.keyFor(usedBy);
        if (fromSettings.isPresent()) {
            return fromSettings;
        }
        if (!path.endsWith(".pem")) {
            return Optional.empty();
        }
        return Optional.of(path.substring(0, path.length() - ".pem".length()) + "-key.pem");
    }

    private List<CertificateProblem> validity(X509Certificate certificate, Instant now) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            return List.of(problem(ProblemCode.EXPIRED, "expired on " + notAfter
                    + "; TLS peers and clients refuse it"));
        }
        if (now.isBefore(notBefore)) {
            return List.of(problem(ProblemCode.NOT_YET_VALID, "not valid before " + notBefore
                    + " (is a clock wrong?)"));
        }
        if (now.plus(warn).isAfter(notAfter)) {
            long days = Duration.between(now, notAfter).toDays();
            return List.of(problem(ProblemCode.EXPIRING, "expires in " + (days == 0 ? "less than a day" : days
                    + (days == 1 ? " day" : " days")) + " (on " + notAfter + "), inside the " + warn.toDays()
                    + "-day warning window"));
        }
        return List.of();
    }

    private List<CertificateProblem> caProblems(List<X509Certificate> bundle) {
        if (clusterCa.isEmpty() || bundle.stream().anyMatch(clusterCa::contains)) {
            return List.of();
        }
        return List.of(problem(ProblemCode.WRONG_CA, "is not the cluster CA (it is " + subject(bundle.get(0))
                + ", fingerprint " + CertificateDetails.fingerprint(bundle.get(0)).substring(0, 23)
                + "...); members trusting it reject the cluster's certificates"));
    }

    private List<CertificateProblem> issuerProblems(X509Certificate certificate) {
        if (clusterCa.isEmpty() || clusterCa.stream().anyMatch(ca -> CertificateAuthority.signedBy(certificate, ca))) {
            return List.of();
        }
        return List.of(problem(ProblemCode.WRONG_CA, "not signed by the cluster CA (issuer "
                + certificate.getIssuerX500Principal().getName() + ")"));
    }

    /** Whose names a member certificate must carry: the host in its file name, else the host it is on. */
    private Optional<CertHost> sanTarget(String host, String fileName, List<String> usedBy) {
        String named = CertificateRole.subjectHost(fileName);
        if (!named.isEmpty() && usedBy.isEmpty()) {
            return Optional.ofNullable(etcdHosts.get(named));
        }
        return Optional.ofNullable(etcdHosts.get(host));
    }

    private static List<CertificateProblem> sanProblems(X509Certificate certificate, CertHost target) {
        SubjectAltNames sans;
        try {
            sans = SubjectAltNames.of(certificate);
        } catch (PkiException e) {
            return List.of(problem(ProblemCode.UNREADABLE, e.getMessage()));
        }
        List<String> missing = new ArrayList<>();
        if (!sans.coversDns(target.name())) {
            missing.add(target.name());
        }
        for (String address : target.addresses()) {
            boolean covered = IpLiterals.isLiteral(address) ? sans.coversIp(address) : sans.coversDns(address);
            if (!covered) {
                missing.add(address);
            }
        }
        // etcd listens on 127.0.0.1 too, and etcdctl on the host dials it there.
        if (!sans.coversIp("127.0.0.1")) {
            missing.add("127.0.0.1");
        }
        if (missing.isEmpty()) {
            return List.of();
        }
        return List.of(problem(ProblemCode.SANS_MISSING, "SANs do not cover " + String.join(", ", missing)
                + " of " + target.name() + "; peers and clients dialling that name or address reject it"));
    }

    private static List<CertificateProblem> usageProblems(X509Certificate certificate, CertificateRole role) {
        List<String> present;
        try {
            present = certificate.getExtendedKeyUsage();
        } catch (java.security.cert.CertificateParsingException e) {
            return List.of(problem(ProblemCode.UNREADABLE, "extended key usage unreadable: " + e.getMessage()));
        }
        // Without the extension Go's TLS (etcd's) accepts any usage.
        if (present == null) {
            return List.of();
        }
        List<String> lacking = role.needs().stream().filter(u -> !present.contains(u.oid()))
                .map(CertificateProfile.TlsUsage::shortName).toList();
        if (lacking.isEmpty()) {
            return List.of();
        }
        String why = role == CertificateRole.MEMBER ? "; etcd serves and dials peers with it" : "; etcd needs it of a client";
        return List.of(problem(ProblemCode.USAGE_MISSING, "lacks " + String.join(" and ", lacking)
                + " extended key usage" + why));
    }

    private static List<CertificateProblem> keyProblems(X509Certificate certificate, CertificateRole role,
                                                        Optional<String> keyPath, Map<String, CertFile> files) {
        if (keyPath.isEmpty()) {
            return List.of();
        }
        CertFile key = files.getOrDefault(keyPath.get(), CertFile.missing(keyPath.get()));
        if (!key.exists()) {
            return role == CertificateRole.CA ? List.of()
                    : List.of(problem(ProblemCode.KEY_MISSING, "private key " + keyPath.get() + " is missing"));
        }
        List<CertificateProblem> problems = new ArrayList<>();
        if (role == CertificateRole.CA) {
            problems.add(problem(ProblemCode.CA_KEY_ON_HOST, "the CA private key " + keyPath.get()
                    + " is on this host: whoever reads it can issue certificates etcd trusts"));
        }
        try {
            PrivateKey privateKey = PemCodec.parsePrivateKey(key.content().get());
            if (!Keys.match(certificate.getPublicKey(), privateKey)) {
                problems.add(problem(ProblemCode.KEY_MISMATCH, "private key " + keyPath.get()
                        + " does not belong to this certificate"));
            }
        } catch (PkiException e) {
            problems.add(problem(ProblemCode.KEY_MISMATCH, "private key " + keyPath.get() + " unreadable: "
                    + e.getMessage()));
        }
        int bits = key.permissions();
        if (bits >= 0 && (bits & ~ALLOWED_KEY_BITS) != 0) {
            problems.add(problem(ProblemCode.KEY_PERMISSIONS, "private key " + keyPath.get() + " has mode 0"
                    + Integer.toOctalString(bits) + ((bits & 0007) != 0 ? ", readable by others" : "")
                    + "; at most 0640"));
        }
        return problems;
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    private static CertificateProblem problem(ProblemCode code, String message) {
        return new CertificateProblem(code, message);
    }
}
