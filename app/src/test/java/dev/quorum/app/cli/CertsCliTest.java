package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.core.certinventory.InventoryReport;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.pki.CertificateDetails;
import dev.quorum.core.pki.CertificateProblem;
import dev.quorum.core.pki.CertificateRecord;
import dev.quorum.core.pki.CertificateRole;
import dev.quorum.core.pki.ProblemCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The certs and adopt commands' options, and the JSON shape scripts rely on. */
class CertsCliTest {
    private static final CertificateRecord EXPIRED = new CertificateRecord("lab2", "/etc/ssl/etcd/ssl/admin-lab2.pem",
            CertificateRole.ADMIN, List.of("ETCDCTL_CERT"), Optional.of(new CertificateDetails("CN=etcd-admin-lab2",
            List.of("localhost", "198.19.77.12"), "CN=etcd-ca", "1F", Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2026-01-01T00:00:00Z"), -334, "RSA 2048", "AA:BB", false)),
            Optional.of("/etc/ssl/etcd/ssl/admin-lab2-key.pem"),
            List.of(new CertificateProblem(ProblemCode.EXPIRED, "expired on 2026-01-01T00:00:00Z")));
    private static final CertificateRecord MISSING = new CertificateRecord("lab1", "/etc/ssl/etcd/ssl/member-lab1.pem",
            CertificateRole.MEMBER, List.of("ETCD_CERT_FILE"), Optional.empty(), Optional.empty(),
            List.of(new CertificateProblem(ProblemCode.UNREADABLE, "file missing")));

    @Test
    void theCommandsHaveTheirHelp() {
        CliContractTest.Run certs = CliContractTest.run("certs", "--help");
        assertThat(certs.exit()).isZero();
        assertThat(certs.out()).startsWith("Usage: quorum certs").contains("--json", "--warn-days", "renew");
        CliContractTest.Run renew = CliContractTest.run("certs", "renew", "--help");
        assertThat(renew.exit()).isZero();
        assertThat(renew.out()).contains("--member", "--plan", "--yes", "--all");
        CliContractTest.Run rotate = CliContractTest.run("certs", "rotate-ca", "--help");
        assertThat(rotate.exit()).isZero();
        assertThat(rotate.out()).contains("--prepare", "--plan", "--trust-only", "--accept-unreached-kubernetes-hosts");
        CliContractTest.Run adopt = CliContractTest.run("adopt", "--help");
        assertThat(adopt.exit()).isZero();
        assertThat(adopt.out()).contains("--remove-ca-from-hosts", "--inventory");
        assertThat(CliContractTest.run("--help").out()).contains("certs", "adopt");
    }

    @Test
    void theInventoryIsRequired() {
        assertThat(CliContractTest.refusal(ExitCodes.USAGE, "certs"))
                .contains("Missing required option: '--inventory=INVENTORY'");
    }

    @Test
    void aNegativeWarningWindowIsRefused() {
        assertThat(CliContractTest.refusal(ExitCodes.FAILED, "certs", "-i", "/nonexistent/hosts.yaml",
                "--warn-days", "-1"))
                .startsWith("quorum: --warn-days must not be negative");
    }

    @Test
    void theJsonHasTheDocumentedShape() throws Exception {
        JsonNode root = new ObjectMapper().readTree(CertsJson.render(
                new InventoryReport(List.of(EXPIRED, MISSING), Map.of("lab3", "connection refused"), "workstation"),
                new CertReaders(List.of(ClusterLayout.MAIN), ClusterLayout.MAIN), "hosts.yaml"));

        assertThat(root.get("clean").asBoolean()).isFalse();
        JsonNode first = root.get("certificates").get(0);
        for (String field : List.of("host", "path", "subject", "sans", "issuer", "notAfter", "daysLeft", "problems")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.get("host").asText()).isEqualTo("lab2");
        assertThat(first.get("sans").get(1).asText()).isEqualTo("198.19.77.12");
        assertThat(first.get("notAfter").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(first.get("daysLeft").asLong()).isEqualTo(-334);
        assertThat(first.get("problems").get(0).get("code").asText()).isEqualTo("expired");
        assertThat(first.get("problems").get(0).get("severity").asText()).isEqualTo("error");
        JsonNode missing = root.get("certificates").get(1);
        assertThat(missing.get("subject").isNull()).isTrue();
        assertThat(missing.get("sans").isArray()).isTrue();
        assertThat(root.get("unreachable").get(0).get("host").asText()).isEqualTo("lab3");
        assertThat(root.get("services").get(0).get("unit").asText()).isEqualTo("etcd");
        assertThat(root.get("settingsFrom").asText()).isEqualTo("/etc/etcd.env");
        assertThat(root.get("next").get("title").asText()).isEqualTo("Renew the certificates");
        assertThat(root.get("next").get("reason").asText()).isEqualTo("2 certificates need re-issuing from the cluster CA");
        assertThat(root.get("next").get("command").asText()).isEqualTo("quorum certs renew -i hosts.yaml");
        JsonNode clean = new ObjectMapper().readTree(CertsJson.render(new InventoryReport(List.of(), Map.of(),
                "workstation"), new CertReaders(List.of(ClusterLayout.MAIN), ClusterLayout.MAIN), "hosts.yaml"));
        assertThat(clean.get("next").isNull()).isTrue();
    }

    @Test
    void theJsonNamesBothServicesWhereTheEventsClusterSharesTheFiles() throws Exception {
        JsonNode root = new ObjectMapper().readTree(CertsJson.render(
                new InventoryReport(List.of(EXPIRED), Map.of(), "workstation"),
                new CertReaders(List.of(ClusterLayout.MAIN, ClusterLayout.EVENTS), ClusterLayout.EVENTS), "hosts.yaml"));

        assertThat(root.get("services").findValuesAsText("unit")).containsExactly("etcd", "etcd-events");
        assertThat(root.get("services").findValuesAsText("envFile"))
                .containsExactly("/etc/etcd.env", "/etc/etcd-events.env");
        assertThat(root.get("settingsFrom").asText()).isEqualTo("/etc/etcd-events.env");
    }

    @Test
    void theTextPutsProblemsFirstUnderEachHost() {
        StringWriter text = new StringWriter();
        CertsText.print(new InventoryReport(List.of(EXPIRED, MISSING), Map.of(), "workstation"), "hosts.yaml",
                new PrintWriter(text, true));

        assertThat(text.toString()).contains("2 certificates, 2 with problems", "\nlab2\n",
                "  !! /etc/ssl/etcd/ssl/admin-lab2.pem  admin  [ETCDCTL_CERT]  CN=etcd-admin-lab2, RSA 2048",
                "       error expired: expired on 2026-01-01T00:00:00Z");
        assertThat(text.toString()).endsWith("\nNext: Renew the certificates: 2 certificates need re-issuing from the "
                + "cluster CA\n  quorum certs renew -i hosts.yaml\n");
    }

    @Test
    void anExpiredCaIsNamedWithTheCommandThatReplacesIt() {
        CertificateRecord ca = new CertificateRecord("lab1", "/etc/ssl/etcd/ssl/ca.pem", CertificateRole.CA,
                List.of("ETCD_TRUSTED_CA_FILE"), Optional.of(new CertificateDetails("CN=etcd-ca", List.of(),
                "CN=etcd-ca", "01", Instant.parse("2016-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"),
                -334, "RSA 2048", "CC:DD", true)), Optional.empty(),
                List.of(new CertificateProblem(ProblemCode.EXPIRED, "expired on 2026-01-01T00:00:00Z")));
        StringWriter text = new StringWriter();
        CertsText.print(new InventoryReport(List.of(EXPIRED, ca), Map.of(), "workstation"), "inv/hosts.yaml",
                new PrintWriter(text, true));

        assertThat(text.toString()).endsWith("\nNext: Replace the CA: the CA in /etc/ssl/etcd/ssl/ca.pem on lab1 has "
                + "expired (2026-01-01): etcd refuses every certificate it signs, so renewing them cannot help\n"
                + "  quorum certs rotate-ca -i inv/hosts.yaml\n");
    }
}
