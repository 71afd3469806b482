package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code quorum certs}, {@code certs renew} and {@code adopt} through the real CLI on three lab hosts. */
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
}
