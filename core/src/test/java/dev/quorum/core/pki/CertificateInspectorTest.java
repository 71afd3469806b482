package dev.quorum.core.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each problem the certificate inventory reports, made with real certificates and keys. */
class CertificateInspectorTest {
    private static final String DIR = "/etc/ssl/etcd/ssl";
    private static final List<CertHost> HOSTS = List.of(new CertHost("etcd01", "198.19.77.11"),
            new CertHost("etcd02", "198.19.77.12"));
    private static final KubesprayCertificates LAYOUT = KubesprayCertificates.of(HOSTS, List.of("etcd"), List.of());
    private static final EtcdTlsSettings ENV = EtcdTlsSettings.of(Map.of(
            "ETCD_CERT_FILE", DIR + "/member-etcd01.pem", "ETCD_KEY_FILE", DIR + "/member-etcd01-key.pem",
            "ETCD_PEER_CERT_FILE", DIR + "/member-etcd01.pem", "ETCD_PEER_KEY_FILE", DIR + "/member-etcd01-key.pem",
            "ETCD_TRUSTED_CA_FILE", DIR + "/ca.pem", "ETCDCTL_CERT", DIR + "/admin-etcd01.pem",
            "ETCDCTL_KEY", DIR + "/admin-etcd01-key.pem"));

    @TempDir
    Path dir;

    private CertificateAuthority ca() {
        return CertificateAuthority.loadOrCreate(dir.resolve("ca"), "etcd-ca", KeyAlgorithm.EC_P256);
    }

    private CertificateInspector inspector(CertificateAuthority ca) {
        return new CertificateInspector(List.of(ca.certificate()), Map.of("etcd01", HOSTS.get(0), "etcd02",
                HOSTS.get(1)), Duration.ofDays(30), Clock.fixed(Instant.now(), ZoneOffset.UTC));
    }

    private static void add(List<CertFile> files, String name, IssuedCertificate issued, String keyMode) {
        files.add(new CertFile(DIR + "/" + name + ".pem", "640", Optional.of(issued.certificatePem())));
        files.add(new CertFile(DIR + "/" + name + "-key.pem", keyMode, Optional.of(issued.privateKeyPem())));
    }

    private static List<CertFile> clean(CertificateAuthority ca) {
        List<CertFile> files = new ArrayList<>();
        files.add(new CertFile(DIR + "/ca.pem", "644", Optional.of(ca.certificatePem())));
        add(files, "member-etcd01", ca.issue(LAYOUT.member("etcd01").request()), "600");
        add(files, "admin-etcd01", ca.issue(LAYOUT.admin("etcd01").request()), "600");
        return files;
    }

    private static CertificateRecord record(List<CertificateRecord> records, String name) {
        return records.stream().filter(r -> r.fileName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aCleanHostHasNoProblemsAndSaysWhatEtcdUses() {
        CertificateAuthority ca = ca();
        List<CertificateRecord> records = inspector(ca).inspect("etcd01", clean(ca), ENV);

        assertThat(records).extracting(CertificateRecord::fileName)
                .containsExactlyInAnyOrder("ca.pem", "member-etcd01.pem", "admin-etcd01.pem");
        assertThat(records).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        CertificateRecord member = record(records, "member-etcd01.pem");
        assertThat(member.role()).isEqualTo(CertificateRole.MEMBER);
        assertThat(member.usedBy()).containsExactly("ETCD_CERT_FILE", "ETCD_PEER_CERT_FILE");
        CertificateDetails details = member.details().orElseThrow();
        assertThat(details.sans()).contains("localhost", "etcd01", "etcd02", "198.19.77.11", "127.0.0.1");
        assertThat(details.keyType()).isEqualTo("EC P-256");
        assertThat(details.daysLeft()).isGreaterThan(36000);
        assertThat(details.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(record(records, "ca.pem").keyPath()).isEmpty();
    }

    @Test
    void everyProblemIsNamedOnItsFile() {
        CertificateAuthority ca = ca();
        CertificateAuthority other = CertificateAuthority.loadOrCreate(dir.resolve("other"), "other-ca",
                KeyAlgorithm.EC_P256);
        Instant now = Instant.now();
        CertificateRequest noIp = new CertificateRequest("etcd-member-etcd02", CertificateProfile.MEMBER,
                List.of("etcd02", "localhost"), List.of("127.0.0.1"), Duration.ofDays(1), KeyAlgorithm.EC_P256);
        CertificateRequest clientOnly = new CertificateRequest("etcd-node-worker1", CertificateProfile.CLIENT,
                LAYOUT.dnsNames(), LAYOUT.ipAddresses(), Duration.ofDays(100), KeyAlgorithm.EC_P256);
        List<CertFile> files = new ArrayList<>();
        files.add(new CertFile(DIR + "/ca.pem", "644", Optional.of(ca.certificatePem())));
        files.add(new CertFile(DIR + "/ca-key.pem", "644", Optional.of(ca.privateKeyPem())));
        add(files, "member-etcd01", other.issue(LAYOUT.member("etcd01").request()), "600");
        add(files, "member-etcd02", ca.issue(noIp), "600");
        add(files, "admin-etcd01", ca.issue(LAYOUT.admin("etcd01").request(), now.minus(Duration.ofDays(10)),
                now.minus(Duration.ofDays(1))), "644");
        add(files, "admin-etcd02", ca.issue(LAYOUT.admin("etcd02").request(), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1))), "600");
        add(files, "node-worker1", ca.issue(clientOnly), "600");
        IssuedCertificate lonely = ca.issue(LAYOUT.node("worker2").request());
        files.add(new CertFile(DIR + "/node-worker2.pem", "640", Optional.of(lonely.certificatePem())));
        IssuedCertificate wrongKey = ca.issue(LAYOUT.node("worker3").request());
        files.add(new CertFile(DIR + "/node-worker3.pem", "640", Optional.of(wrongKey.certificatePem())));
        files.add(new CertFile(DIR + "/node-worker3-key.pem", "600", Optional.of(lonely.privateKeyPem())));

        List<CertificateRecord> records = inspector(ca).inspect("etcd01", files, ENV);

        assertThat(record(records, "member-etcd01.pem").problems()).extracting(CertificateProblem::code)
                .containsExactly(ProblemCode.WRONG_CA);
        assertThat(record(records, "member-etcd02.pem").problems()).extracting(CertificateProblem::code)
                .containsExactly(ProblemCode.EXPIRING, ProblemCode.SANS_MISSING);
        assertThat(record(records, "member-etcd02.pem").problems().get(1).message())
                .startsWith("SANs do not cover 198.19.77.12 of etcd02");
        assertThat(record(records, "admin-etcd01.pem").problems()).extracting(CertificateProblem::code)
                .containsExactly(ProblemCode.EXPIRED, ProblemCode.KEY_PERMISSIONS);
        assertThat(record(records, "admin-etcd02.pem").problems()).extracting(CertificateProblem::code)
                .containsExactly(ProblemCode.EXPIRING);
        assertThat(record(records, "node-worker1.pem").problems()).isEmpty();
        assertThat(record(records, "node-worker2.pem").problems()).extracting(CertificateProblem::code)
                .containsExactly(ProblemCode.KEY_MISSING);
        assertThat(record(records, "node-worker3.pem").problems()).extracting(CertificateProblem::code)
                .containsExactly(ProblemCode.KEY_MISMATCH);
        files.add(new CertFile(DIR + "/member-old-key.pem", "600", Optional.of(lonely.privateKeyPem())));
        records = inspector(ca).inspect("etcd01", files, ENV);
        assertThat(record(records, "member-old-key.pem").problems()).extracting(CertificateProblem::code)
                .containsExactly(ProblemCode.ORPHAN_KEY);
        assertThat(records).filteredOn(r -> r.has(ProblemCode.ORPHAN_KEY)).hasSize(1);
        CertificateRecord caRecord = record(records, "ca.pem");
        assertThat(caRecord.problems()).extracting(CertificateProblem::code)
                .containsExactly(ProblemCode.CA_KEY_ON_HOST, ProblemCode.KEY_PERMISSIONS);
        assertThat(caRecord.needsAction()).isTrue();
    }

    @Test
    void aMemberCertificateWithoutServerAuthAndAHostCaFromElsewhereAreFlagged() {
        CertificateAuthority ca = ca();
        CertificateAuthority other = CertificateAuthority.loadOrCreate(dir.resolve("other"), "other-ca",
                KeyAlgorithm.EC_P256);
        CertificateRequest clientOnly = new CertificateRequest("etcd-member-etcd01", CertificateProfile.CLIENT,
                LAYOUT.dnsNames(), LAYOUT.ipAddresses(), Duration.ofDays(100), KeyAlgorithm.EC_P256);
        List<CertFile> files = new ArrayList<>();
        files.add(new CertFile(DIR + "/ca.pem", "644", Optional.of(other.certificatePem())));
        add(files, "member-etcd01", ca.issue(clientOnly), "600");

        List<CertificateRecord> records = inspector(ca).inspect("etcd01", files, ENV);

        assertThat(record(records, "ca.pem").problems()).extracting(CertificateProblem::code)
                .containsExactly(ProblemCode.WRONG_CA);
        assertThat(record(records, "member-etcd01.pem").problems()).extracting(CertificateProblem::message)
                .containsExactly("lacks serverAuth extended key usage; etcd serves and dials peers with it");
        // admin-etcd01.pem is named by ETCDCTL_CERT but absent
        assertThat(record(records, "admin-etcd01.pem").problems()).extracting(CertificateProblem::message)
                .containsExactly("file missing (named by ETCDCTL_CERT in /etc/etcd.env)");
    }

    @Test
    void aBundleHoldingTheClusterCaCountsAsTheClusterCa() {
        CertificateAuthority ca = ca();
        CertificateAuthority next = CertificateAuthority.loadOrCreate(dir.resolve("next"), "etcd-ca-2",
                KeyAlgorithm.EC_P256);
        List<CertFile> files = clean(ca);
        files.set(0, new CertFile(DIR + "/ca.pem", "644", Optional.of(next.certificatePem() + ca.certificatePem())));

        List<CertificateRecord> records = new CertificateInspector(List.of(ca.certificate(), next.certificate()),
                Map.of("etcd01", HOSTS.get(0)), Duration.ofDays(30), Clock.systemUTC()).inspect("etcd01", files, ENV);

        assertThat(records).allSatisfy(r -> assertThat(r.problems()).isEmpty());
    }
}
