package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.core.certinventory.ServedCertificate;
import dev.quorum.core.cluster.CaRotationStore;
import dev.quorum.core.pki.CertificateDetails;
import dev.quorum.core.pki.CertificateProfile;
import dev.quorum.core.pki.CertificateRequest;
import dev.quorum.core.pki.IssuedCertificate;
import dev.quorum.core.pki.KeyAlgorithm;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.workspace.QuorumHome;
import dev.quorum.lab.KubesprayLayout;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * CA rotation restarts every etcd-events onto each trust change. The rotation is taken in its phases: {@code --prepare}
 * changes no host; {@code --trust-only} (given {@code --cluster events}) makes every etcd-events trust the new CA
 * while it still serves the old CA's certificates; the full run leaves it trusting and serving the new CA alone.
 * Throughout, the events cluster keeps its members and its keys.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsCertsAdoptCliLabTest {
    static Lab lab;
    @RegisterExtension
    static final CliLabCluster cli = CliLabCluster.notInstalled(3).withEventsCluster();
    private static final int EVENTS_KEYS = 25;
    /** A client certificate from the rotation's new CA, on each host: trusted only once the hosts trust that CA. */
    private static final String NEW_CLIENT = "/root/quorum-lab-new-ca-client";
    /** lab1's admin certificate from the old CA, kept aside: refused once the hosts trust the new CA alone. */
    private static final String OLD_ADMIN = "/root/quorum-lab-old-admin";
    static String eventsMembers;
    static X509Certificate oldCa;

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

    private static String pid(LabHost host, String unit) {
        return host.exec("systemctl show -p MainPID --value " + unit).stdout().strip();
    }

    private static Map<String, String> pids(String unit) {
        Map<String, String> pids = new LinkedHashMap<>();
        lab.hosts().forEach(h -> pids.put(h.name(), pid(h, unit)));
        return pids;
    }

    private static Map<String, String> caFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        lab.hosts().forEach(h -> files.put(h.name(), h.readFile(KubesprayLayout.SSL + "/ca.pem")));
        return files;
    }

    /** What every host serves on the events cluster's ports and etcd's client port, by fingerprint. */
    private static Map<String, String> servedEverywhere() {
        Map<String, String> served = new LinkedHashMap<>();
        for (LabHost host : lab.hosts()) {
            for (int port : new int[] {2383, 2382, 2379}) {
                served.put(host.name() + ":" + port, served(host, port));
            }
        }
        return served;
    }

    /** Whether {@code host}'s member on {@code port} accepts this client certificate ({@code FILE.pem}, {@code FILE-key.pem}). */
    private static boolean accepts(LabHost host, int port, String client) {
        return host.exec("ETCDCTL_API=3 /usr/local/bin/etcdctl --endpoints=https://127.0.0.1:" + port
                + " --cacert=" + KubesprayLayout.SSL + "/ca.pem --cert=" + client + ".pem --key=" + client
                + "-key.pem --command-timeout=5s endpoint health").ok();
    }

    private static String eventsKeyCount() {
        return CliLab.etcdctl(lab, 2383, "get /events/ --prefix --count-only -w fields").stdout().lines()
                .filter(l -> l.startsWith("\"Count\"")).findFirst().orElse("none");
    }

    /** Both clusters answer Quorum with three healthy members; the events cluster keeps its members and keys. */
    private static void bothClustersWorkAndTheEventsClusterIsTheSame() throws Exception {
        assertThat(healthyMembers(cli.statusJson("--cluster", "events"))).hasSize(3);
        assertThat(healthyMembers(cli.statusJson())).hasSize(3);
        assertThat(CliLab.etcdctl(lab, 2383, "member list").stdout()).as("the events members").isEqualTo(eventsMembers);
        assertThat(eventsKeyCount()).isEqualTo("\"Count\" : " + EVENTS_KEYS);
    }

    /**
     * {@code --prepare} makes the new CA and the trust bundle on this workstation and changes no host: the same
     * ca.pem, the same etcd and etcd-events processes, the same certificates served, and a client certificate from
     * the new CA still refused by etcd-events.
     */
    @Test
    @Order(5)
    void rotateCaPrepareMakesTheNewCaHereAndChangesNoHost() throws Exception {
        for (int i = 0; i < EVENTS_KEYS; i++) {
            CliLab.etcdctl(lab, 2383, "put /events/" + i + " v").requireOk("put an events key");
        }
        eventsMembers = CliLab.etcdctl(lab, 2383, "member list").stdout();
        oldCa = PemCodec.parseCertificate(lab.host(0).readFile(KubesprayLayout.SSL + "/ca.pem"));
        LabHost first = lab.host(0);
        first.writeFile(OLD_ADMIN + ".pem", first.readFile(KubesprayLayout.SSL + "/admin-lab1.pem"));
        first.writeFile(OLD_ADMIN + "-key.pem", first.readFile(KubesprayLayout.SSL + "/admin-lab1-key.pem"));
        Map<String, String> caFiles = caFiles();
        Map<String, String> etcdPids = pids("etcd");
        Map<String, String> eventsPids = pids("etcd-events");
        Map<String, String> served = servedEverywhere();

        CliContractTest.Run prepared = cli.ok("certs", "rotate-ca", "--prepare", "--yes");

        assertThat(prepared.out()).contains("trust-bundle.pem");
        Path pki = new QuorumHome(cli.dir().resolve("home")).pki("inventory");
        List<X509Certificate> bundle = PemCodec.parseCertificates(Files.readString(pki.resolve(CaRotationStore.TRUST_BUNDLE)));
        assertThat(bundle).hasSize(2).contains(oldCa);
        var newCa = new CaRotationStore(pki).newCa().orElseThrow();
        assertThat(newCa.certificate()).isNotEqualTo(oldCa);
        IssuedCertificate client = newCa.issue(new CertificateRequest("quorum-lab-new-ca-client", CertificateProfile.CLIENT,
                List.of(), List.of(), Duration.ofDays(1), KeyAlgorithm.EC_P256));
        for (LabHost host : lab.hosts()) {
            host.writeFile(NEW_CLIENT + ".pem", client.certificatePem());
            host.writeFile(NEW_CLIENT + "-key.pem", client.privateKeyPem());
        }
        assertThat(caFiles()).as("no host's ca.pem changed").isEqualTo(caFiles);
        assertThat(pids("etcd")).as("no etcd restarted").isEqualTo(etcdPids);
        assertThat(pids("etcd-events")).as("no etcd-events restarted").isEqualTo(eventsPids);
        assertThat(servedEverywhere()).isEqualTo(served);
        for (LabHost host : lab.hosts()) {
            assertThat(accepts(host, 2383, NEW_CLIENT)).as(host.name() + " etcd-events does not trust the new CA yet")
                    .isFalse();
        }
        bothClustersWorkAndTheEventsClusterIsTheSame();
    }

    /**
     * {@code --trust-only}, asked for the events cluster: every host's ca.pem holds the old and the new CA, every
     * etcd-events (and etcd) restarted once to load it and accepts clients of either CA, and still serves the old
     * CA's member certificates (nothing re-issued yet). A re-run restarts nothing.
     */
    @Test
    @Order(6)
    void rotateCaTrustOnlyMakesEveryEtcdEventsTrustBothCasWhileServingTheOldCertificates() throws Exception {
        Map<String, String> etcdPids = pids("etcd");
        Map<String, String> eventsPids = pids("etcd-events");
        Map<String, String> served = servedEverywhere();

        CliContractTest.Run trusted = cli.ok("certs", "rotate-ca", "--cluster", "events", "--trust-only", "--yes");

        assertThat(trusted.out()).contains("--cluster events: the events cluster uses the main cluster's certificates",
                "events cluster: Trust the old and the new CA, restart, wait for health",
                "Every host trusts the old and the new CA")
                .doesNotContain("Trust the new CA alone");
        X509Certificate newCa = new CaRotationStore(new QuorumHome(cli.dir().resolve("home")).pki("inventory")).newCa()
                .orElseThrow().certificate();
        for (LabHost host : lab.hosts()) {
            assertThat(PemCodec.parseCertificates(host.readFile(KubesprayLayout.SSL + "/ca.pem"))).as(host.name())
                    .containsExactlyInAnyOrder(oldCa, newCa);
            assertThat(pid(host, "etcd-events")).as(host.name() + " etcd-events restarted onto the bundle")
                    .isNotEqualTo(eventsPids.get(host.name()));
            assertThat(pid(host, "etcd")).as(host.name() + " etcd restarted onto the bundle")
                    .isNotEqualTo(etcdPids.get(host.name()));
            assertThat(accepts(host, 2383, NEW_CLIENT)).as(host.name() + " etcd-events trusts the new CA").isTrue();
            assertThat(accepts(host, 2379, NEW_CLIENT)).as(host.name() + " etcd trusts the new CA").isTrue();
        }
        assertThat(accepts(lab.host(0), 2383, OLD_ADMIN)).as("and still the old one").isTrue();
        assertThat(servedEverywhere()).as("still the old CA's member certificates").isEqualTo(served);
        bothClustersWorkAndTheEventsClusterIsTheSame();

        Map<String, String> restartedEvents = pids("etcd-events");
        Map<String, String> restartedEtcd = pids("etcd");
        CliContractTest.Run again = cli.ok("certs", "rotate-ca", "--trust-only", "--yes");

        assertThat(again.out()).contains("Every host trusts the old and the new CA");
        assertThat(pids("etcd-events")).as("nothing left to load").isEqualTo(restartedEvents);
        assertThat(pids("etcd")).isEqualTo(restartedEtcd);
    }

    /**
     * etcd-events reads its trusted CAs only when it starts: had it not been restarted onto each trust change, its
     * peers' certificates from the new CA would be refused, and Quorum's client certificate (now from the new CA)
     * too. Both clusters answer Quorum with all members healthy, and every port serves a certificate of the new CA;
     * the old CA's clients are refused.
     */
    @Test
    @Order(7)
    void aCaRotationRestartsEtcdEventsOntoEachTrustChangeAndItServesTheNewCasCertificates() throws Exception {
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
            assertThat(accepts(host, 2383, NEW_CLIENT)).as(host.name() + " etcd-events, a new CA's client").isTrue();
        }
        assertThat(accepts(lab.host(0), 2383, OLD_ADMIN)).as("etcd-events refuses the old CA's clients").isFalse();
        assertThat(accepts(lab.host(0), 2379, OLD_ADMIN)).as("etcd refuses the old CA's clients").isFalse();
        bothClustersWorkAndTheEventsClusterIsTheSame();
    }
}
