package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import dev.quorum.core.pki.CertHost;
import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.IssuedCertificate;
import dev.quorum.core.pki.KeyAlgorithm;
import dev.quorum.core.pki.KubesprayCertificate;
import dev.quorum.core.pki.KubesprayCertificates;
import dev.quorum.core.pki.PemCodec;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code quorum certs}, {@code certs renew}, {@code adopt} and {@code certs rotate-ca} through the real CLI on three
 * lab hosts, last with the CA expired.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertsCliLabTest {
    static Lab lab;
    @RegisterExtension
    static final CliLabCluster cli = CliLabCluster.installed(3);

    private static JsonNode json(CliContractTest.Run run) throws Exception {
        return new ObjectMapper().readTree(run.out());
    }

    private static LabHost lab2() {
        return lab.hosts().get(1);
    }

    @Test
    @Order(1)
    void aCleanClusterListsEveryCertificateAndExitsZero() throws Exception {
        CliContractTest.Run certs = cli.quorum("certs", "--json");

        assertThat(certs.exit()).as(certs.out() + certs.err()).isZero();
        JsonNode all = json(certs).get("certificates");
        assertThat(all.size()).isEqualTo(2 + 3 * 3);
        for (JsonNode certificate : all) {
            assertThat(certificate.get("problems").isArray()).isTrue();
            assertThat(certificate.get("problems").size()).as(certificate.toString()).isZero();
            assertThat(certificate.get("daysLeft").asLong()).isGreaterThan(300);
            assertThat(certificate.get("sans").isArray()).isTrue();
            assertThat(certificate.get("subject").asText()).startsWith("CN=");
        }
    }

    @Test
    @Order(2)
    void theWarningWindowIsConfigurable() throws Exception {
        CliContractTest.Run far = cli.quorum("certs", "--json", "--warn-days", "40000");

        assertThat(far.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(json(far).get("certificates")).allSatisfy(c -> assertThat(c.get("problems").toString())
                .contains("\"expiring\""));
    }

    @Test
    @Order(3)
    void aKeyReadableByOthersIsShownFirstUnderItsHostThenFixedByRenew() throws Exception {
        lab2().exec("chmod 0644 /etc/ssl/etcd/ssl/admin-lab2-key.pem").requireOk("chmod");

        CliContractTest.Run text = cli.quorum("certs");
        assertThat(text.exit()).isEqualTo(ExitCodes.FAILED);
        String section = text.out().substring(text.out().indexOf("\nlab2\n"));
        assertThat(section.lines().skip(2).findFirst().orElseThrow())
                .startsWith("  !! /etc/ssl/etcd/ssl/admin-lab2.pem");
        assertThat(text.out()).contains("error key-permissions: private key /etc/ssl/etcd/ssl/admin-lab2-key.pem "
                + "has mode 0644, readable by others");

        CliContractTest.Run plan = cli.quorum("certs", "renew", "--plan");
        assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).contains("admin-lab2-key.pem: mode too open");
        assertThat(lab2().exec("stat -c %a /etc/ssl/etcd/ssl/admin-lab2-key.pem").stdout().strip()).isEqualTo("644");

        CliContractTest.Run renew = cli.quorum("certs", "renew", "--yes");
        assertThat(renew.exit()).as(renew.out() + renew.err()).isZero();
        assertThat(cli.quorum("certs").exit()).isZero();
    }

    @Test
    @Order(4)
    void adoptingAClusterQuorumInstalledChangesNothing() {
        CliContractTest.Run adopt = cli.quorum("adopt", "--yes");

        assertThat(adopt.exit()).as(adopt.out() + adopt.err()).isZero();
        assertThat(adopt.out()).contains("Adopted.").doesNotContain("still on");
    }

    @Test
    @Order(5)
    void adoptOffersToRemoveACaKeyLeftOnHostsAndRemovesItWhenAsked() throws Exception {
        Path key = cli.dir().resolve("home/clusters/inventory/pki/ca-key.pem");
        lab2().copyIn(key, "/etc/ssl/etcd/ssl/ca-key.pem", "0600");

        CliContractTest.Run adopt = cli.quorum("adopt", "--yes");
        assertThat(adopt.exit()).as(adopt.out() + adopt.err()).isZero();
        assertThat(adopt.out()).contains("The CA private key is still on lab2", "--remove-ca-from-hosts");

        CliContractTest.Run removed = cli.quorum("adopt", "--yes", "--remove-ca-from-hosts");
        assertThat(removed.exit()).as(removed.out() + removed.err()).isZero();
        assertThat(lab2().fileExists("/etc/ssl/etcd/ssl/ca-key.pem")).isFalse();
        assertThat(key).exists();
    }

    @Test
    @Order(6)
    void aCaRotationCanBePreviewedWithoutChangingAnything() {
        CliContractTest.Run plan = cli.quorum("certs", "rotate-ca", "--plan");

        assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).contains("Trust the old and the new CA", "Trust the new CA alone",
                "re-issued from the new CA");
        assertThat(cli.dir().resolve("home/clusters/inventory/pki/trust-bundle.pem")).doesNotExist();
        assertThat(cli.quorum("certs").exit()).isZero();
    }

    /**
     * The CA in the workstation's store and on every host replaced by one whose notAfter has passed, every member's
     * certificates issued by it (Quorum caps them at the CA's end, so they end with it), etcd restarted everywhere.
     */
    private static void expireTheCa() throws Exception {
        KeyPair keys = KeyAlgorithm.EC_P256.generate();
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=etcd-ca");
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(800))),
                Date.from(now.minus(Duration.ofHours(1))), name, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        CertificateAuthority expired = CertificateAuthority.fromPem(PemCodec.write(certificate),
                PemCodec.write(keys.getPrivate()));
        KubesprayCertificates layout = KubesprayCertificates.of(lab.hosts().stream()
                .map(h -> new CertHost(h.name(), h.address())).toList(), List.of(), List.of());
        for (LabHost host : lab.hosts()) {
            for (KubesprayCertificate own : layout.forEtcdHost(host.name())) {
                IssuedCertificate issued = expired.issue(own.request());
                host.writeFile("/etc/ssl/etcd/ssl/" + own.keyFile(), issued.privateKeyPem());
                host.writeFile("/etc/ssl/etcd/ssl/" + own.certificateFile(), issued.certificatePem());
            }
            host.writeFile("/etc/ssl/etcd/ssl/ca.pem", expired.certificatePem());
        }
        Path pki = cli.dir().resolve("home/clusters/inventory/pki");
        Files.writeString(pki.resolve(CertificateAuthority.KEY_FILE), expired.privateKeyPem());
        Files.writeString(pki.resolve(CertificateAuthority.CERTIFICATE_FILE), expired.certificatePem());
        for (LabHost host : lab.hosts()) {
            host.exec("systemctl restart --no-block etcd").requireOk("restart etcd on " + host.name());
        }
    }

    private static JsonNode awaitDiagnosis(String verdict, String firstProblem) throws Exception {
        JsonNode last = json(cli.quorum("diagnose", "--json"));
        for (int i = 0; i < 60 && !settled(last, verdict, firstProblem); i++) {
            Thread.sleep(500);
            last = json(cli.quorum("diagnose", "--json"));
        }
        assertThat(settled(last, verdict, firstProblem)).as(last.toPrettyString()).isTrue();
        return last;
    }

    private static boolean settled(JsonNode d, String verdict, String firstProblem) {
        boolean problems = true;
        for (JsonNode member : d.get("members")) {
            problems &= firstProblem.isEmpty() ? member.get("problems").isEmpty()
                    : !member.get("problems").isEmpty()
                    && member.get("problems").get(0).get("kind").asText().equals(firstProblem);
        }
        return d.get("verdict").asText().equals(verdict) && problems;
    }

    @Test
    @Order(7)
    void anExpiredCaIsNamedByDiagnoseRefusedByRenewAndReplacedByRotateCa() throws Exception {
        expireTheCa();

        JsonNode lost = awaitDiagnosis("quorum-lost", "ca-expired");
        assertThat(lost.get("actions").get(0).get("command").asText()).as(lost.toPrettyString())
                .startsWith("quorum certs rotate-ca -i ");
        CliContractTest.Run renew = cli.quorum("certs", "renew", "--yes");
        assertThat(renew.exit()).as(renew.out() + renew.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(renew.err()).contains("renewing them cannot help", "quorum certs rotate-ca -i ");
        CliContractTest.Run expired = cli.quorum("certs");
        assertThat(expired.exit()).as(expired.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(expired.out()).as(expired.out()).contains("Next: Replace the CA: the CA in ",
                "has expired", "\n  quorum certs rotate-ca -i ");
        CliContractTest.Run plan = cli.quorum("certs", "rotate-ca", "--plan");
        assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).contains("Write the old and the new CA into the CA files (no restart yet)",
                "Restart every member together onto the new CA");

        CliContractTest.Run rotate = cli.quorum("certs", "rotate-ca", "--yes");

        assertThat(rotate.exit()).as(rotate.out() + rotate.err()).isZero();
        awaitDiagnosis("healthy", "");
        CliContractTest.Run certs = cli.quorum("certs");
        assertThat(certs.exit()).as(certs.out()).isZero();
        assertThat(certs.out()).doesNotContain("Next:");
    }
}
