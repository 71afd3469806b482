package dev.quorum.core.certinventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.intent.Intent;
import dev.quorum.core.pki.CertificateDetails;
import dev.quorum.core.pki.CertificateProblem;
import dev.quorum.core.pki.CertificateRecord;
import dev.quorum.core.pki.CertificateRole;
import dev.quorum.core.pki.ProblemCode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CertificateAdviceTest {
    private static final String DIR = "/etc/ssl/etcd/ssl/";

    @Test
    void anExpiredCaAsksForItsReplacementNotARenewalOfWhatItSigned() {
        CertificateAdvice advice = adviceFor(
                record("lab1", "member-lab1.pem", CertificateRole.MEMBER, ProblemCode.EXPIRED),
                record("lab1", "ca.pem", CertificateRole.CA, ProblemCode.EXPIRED)).orElseThrow();

        assertThat(advice.intent()).isEqualTo(new Intent.RotateCa());
        assertThat(advice.title()).isEqualTo("Replace the CA");
        assertThat(advice.reason()).isEqualTo("the CA in /etc/ssl/etcd/ssl/ca.pem on lab1 has expired (2026-12-01): "
                + "etcd refuses every certificate it signs, so renewing them cannot help");
    }

    @Test
    void aCaExpiringWithinTheWindowAsksForItsReplacementToo() {
        CertificateAdvice advice = adviceFor(
                record("lab2", "admin-lab2.pem", CertificateRole.ADMIN, ProblemCode.EXPIRING),
                record(CertificateInventory.WORKSTATION, "/home/op/.quorum/pki/ca.pem", CertificateRole.CA,
                        ProblemCode.EXPIRING)).orElseThrow();

        assertThat(advice.intent()).isEqualTo(new Intent.RotateCa());
        assertThat(advice.reason()).contains("on workstation expires soon (2026-12-01): every certificate it signs "
                + "ends with it, so renewing them cannot help");
    }

    @Test
    void theExpiredCaIsNamedBeforeOneThatOnlyExpiresSoon() {
        CertificateAdvice advice = adviceFor(
                record("lab1", "ca.pem", CertificateRole.CA, ProblemCode.EXPIRING),
                record("lab2", "ca.pem", CertificateRole.CA, ProblemCode.EXPIRED)).orElseThrow();

        assertThat(advice.reason()).contains("on lab2 has expired");
    }

    @Test
    void leavesWithProblemsAreRenewedWhileTheCaIsFine() {
        CertificateAdvice advice = adviceFor(
                record("lab1", "ca.pem", CertificateRole.CA),
                record("lab1", "member-lab1.pem", CertificateRole.MEMBER, ProblemCode.SANS_MISSING),
                record("lab2", "node-lab2.pem", CertificateRole.NODE, ProblemCode.KEY_PERMISSIONS),
                record("lab3", "admin-lab3.pem", CertificateRole.ADMIN, ProblemCode.ORPHAN_KEY)).orElseThrow();

        assertThat(advice.intent()).isEqualTo(new Intent.RenewCertificates());
        assertThat(advice.title()).isEqualTo("Renew the certificates");
        assertThat(advice.reason()).isEqualTo("2 certificates need re-issuing from the cluster CA");
    }

    @Test
    void aForeignCaGetsNoAdviceAndNotesAloneNeedNone() {
        assertThat(adviceFor(record("lab1", "ca.pem", CertificateRole.CA, ProblemCode.WRONG_CA,
                ProblemCode.EXPIRED))).isEmpty();
        assertThat(adviceFor(record("lab1", "ca-key.pem", CertificateRole.CA, ProblemCode.CA_KEY_ON_HOST),
                record("lab1", "member-lab1.pem", CertificateRole.MEMBER, ProblemCode.ORPHAN_KEY))).isEmpty();
    }

    private static Optional<CertificateAdvice> adviceFor(CertificateRecord... records) {
        return CertificateAdvice.of(new InventoryReport(List.of(records), Map.of(), "workstation"));
    }

    private static CertificateRecord record(String host, String file, CertificateRole role, ProblemCode... problems) {
        String path = file.startsWith("/") ? file : DIR + file;
        CertificateDetails details = new CertificateDetails("CN=" + file, List.of(), "CN=etcd-ca", "1F",
                Instant.parse("2025-12-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"), -6, "RSA 2048", "AA",
                role == CertificateRole.CA);
        return new CertificateRecord(host, path, role, List.of(), Optional.of(details), Optional.empty(),
                Arrays.stream(problems).map(code -> new CertificateProblem(code, code.id())).toList());
    }
}
