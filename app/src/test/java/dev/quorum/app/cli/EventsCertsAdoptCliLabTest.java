package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.core.certinventory.ServedCertificate;
import dev.quorum.core.pki.CertificateDetails;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.lab.KubesprayLayout;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Adoption and certificate renewal of Kubespray's events cluster through the real CLI (decision 0048): three lab
 * hosts laid out as Kubespray's etcd role does with etcd_events_cluster_enabled (etcd and etcd-events, one set of
 * certificates), no Quorum. Adopting takes both clusters over; a renewal makes every etcd-events serve the new
 * member certificates on 2383 and 2382 as etcd does on 2379 and 2380, both clusters healthy 3/3 afterwards, and a
 * CA rotation restarts every etcd-events onto each trust change.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsCertsAdoptCliLabTest {
    static Lab lab;
    @RegisterExtension
    static final CliLabCluster cli = CliLabCluster.notInstalled(3).withEventsCluster();

    @BeforeAll
    static void bothClustersLaidOutAsKubespray() throws Exception {
        KubesprayLayout kubespray = new KubesprayLayout(lab, 3, cli.dir().resolve("kubespray-ssl"));
        kubespray.install(List.of());
        kubespray.installEvents();
    }

    private static List<String> healthyMembers(JsonNode status) {
        List<String> names = new ArrayList<>();
        status.get("members").forEach(m -> {
            if (m.get("healthy").asBoolean()) {
                names.add(m.get("name").asText());
            }
        });
        return names;
    }

    /** The SHA-256 fingerprint of what the host serves on {@code port}, or of its member certificate file. */
    private static String served(LabHost host, int port) {
        return CertificateDetails.fingerprint(ServedCertificate.fetch(host.address(), port, Duration.ofSeconds(5))
                .orElseThrow(() -> new AssertionError(host.name() + ":" + port + " served nothing")));
    }

    private static String memberFile(LabHost host) {
        return CertificateDetails.fingerprint(PemCodec.parseCertificate(
                host.readFile(KubesprayLayout.SSL + "/member-" + host.name() + ".pem")));
    }

    @Test
    @Order(1)
    void anEventsLayoutThatDisagreesWithTheInventoryIsRefusedBeforeTheCaIsImported() {
        String other = cli.writeInventory("other-data-dir", Map.of("etcd_events_data_dir", "/var/lib/elsewhere"));

        CliContractTest.Run refused = CliLab.run(other, cli.knownHosts(), "adopt", "--yes");

        assertThat(refused.exit()).isNotZero();
        assertThat(refused.out() + refused.err()).contains("ETCD_DATA_DIR is /var/lib/etcd-events",
                "set etcd_events_data_dir: /var/lib/etcd-events");
        assertThat(cli.quorum("status").err()).as("nothing imported")
                .contains("no certificates for cluster");
    }

    @Test
    @Order(2)
    void adoptWithClusterEventsTakesOverBothClustersAndStatusAndDiagnoseSeeTheEventsOne() throws Exception {
        CliContractTest.Run adopted = cli.ok("adopt", "--cluster", "events", "--yes");

        assertThat(adopted.out()).contains("--cluster events: the events cluster uses the main cluster's certificates",
                "events cluster: Read /etc/etcd-events.env and check it matches the inventory",
                "quorum status -i " + cli.inventory() + " --cluster events");
        JsonNode events = cli.statusJson("--cluster", "events");
        assertThat(events.get("healthy").asBoolean()).isTrue();
        assertThat(healthyMembers(events)).containsExactlyInAnyOrder("etcd1-events", "etcd2-events", "etcd3-events");
        assertThat(healthyMembers(cli.statusJson())).containsExactlyInAnyOrder("etcd1", "etcd2", "etcd3");
        CliContractTest.Run diagnosis = cli.quorum("diagnose", "--cluster", "events");
        assertThat(diagnosis.out()).as(diagnosis.err()).contains("etcd1-events");
        CliContractTest.Run certs = cli.quorum("certs", "--cluster", "events");
        assertThat(certs.out()).as(certs.err()).contains("member-lab1.pem", "[ETCD_CERT_FILE",
                "Used by etcd (/etc/etcd.env) and etcd-events (/etc/etcd-events.env)");
        CliContractTest.Run json = cli.quorum("certs", "--cluster", "events", "--json");
        JsonNode listing = new ObjectMapper().readTree(json.out());
        assertThat(listing.get("services").findValuesAsText("unit")).as(json.err()).containsExactly("etcd", "etcd-events");
        assertThat(listing.get("settingsFrom").asText()).isEqualTo("/etc/etcd-events.env");
    }

    @Test
    @Order(3)
    void aRenewalMakesEveryEtcdEventsServeTheNewMemberCertificatesWithBothClustersHealthy() throws Exception {
        Map<String, String> before = new LinkedHashMap<>();
        lab.hosts().forEach(h -> before.put(h.name(), served(h, 2383)));

        CliContractTest.Run renewed = cli.ok("certs", "renew", "--all", "--yes");

        assertThat(renewed.out()).contains("events cluster: Make etcd serve the new certificate");
        for (LabHost host : lab.hosts()) {
            String file = memberFile(host);
            assertThat(file).as(host.name() + " renewed").isNotEqualTo(before.get(host.name()));
            assertThat(served(host, 2383)).as(host.name() + " etcd-events client port").isEqualTo(file);
            assertThat(served(host, 2382)).as(host.name() + " etcd-events peer port").isEqualTo(file);
            assertThat(served(host, 2379)).as(host.name() + " etcd client port").isEqualTo(file);
            assertThat(host.exec("systemctl is-active etcd etcd-events").stdout()).isEqualTo("active\nactive\n");
        }
        assertThat(healthyMembers(cli.statusJson("--cluster", "events"))).hasSize(3);
        assertThat(healthyMembers(cli.statusJson())).hasSize(3);
    }

    @Test
    @Order(4)
    void renewWithClusterEventsIsTheSameRenewalAndFindsNothingLeftToDo() {
        CliContractTest.Run again = cli.ok("certs", "renew", "--cluster", "events", "--yes");

        assertThat(again.out()).contains("--cluster events: the events cluster uses the main cluster's certificates",
                "done, no changes");
    }

    /**
     * etcd-events reads its trusted CAs only when it starts: had it not been restarted onto each trust change, its
     * peers' certificates from the new CA would be refused, and Quorum's client certificate (now from the new CA)
     * too. Both clusters answer Quorum with all members healthy, and every port serves a certificate of the new CA.
     */
    @Test
    @Order(5)
    void aCaRotationRestartsEtcdEventsOntoEachTrustChangeAndItServesTheNewCasCertificates() throws Exception {
        X509Certificate oldCa = PemCodec.parseCertificate(lab.host(0).readFile(KubesprayLayout.SSL + "/ca.pem"));

        CliContractTest.Run rotated = cli.ok("certs", "rotate-ca", "--yes");

        assertThat(rotated.out()).contains("events cluster: Trust the old and the new CA, restart, wait for health",
                "events cluster: Trust the new CA alone, restart, wait for health");
        for (LabHost host : lab.hosts()) {
            List<X509Certificate> trusted = PemCodec.parseCertificates(host.readFile(KubesprayLayout.SSL + "/ca.pem"));
            assertThat(trusted).hasSize(1).doesNotContain(oldCa);
            for (int port : new int[] {2383, 2382, 2379}) {
                X509Certificate served = ServedCertificate.fetch(host.address(), port, Duration.ofSeconds(5))
                        .orElseThrow();
                served.verify(trusted.get(0).getPublicKey());
            }
        }
        assertThat(healthyMembers(cli.statusJson("--cluster", "events"))).hasSize(3);
        assertThat(healthyMembers(cli.statusJson())).hasSize(3);
    }
}
