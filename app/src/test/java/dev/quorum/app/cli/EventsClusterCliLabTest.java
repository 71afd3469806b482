package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.etcd.InitialCheckDropIn;
import dev.quorum.core.inventory.ClusterLayout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15's done-when, through the real CLI: an INI inventory with Kubespray's [bastion] and
 * etcd_events_cluster_enabled=true; lab1..lab4 drop SSH and both client ports from the workstation, so everything
 * goes through lab5, the bastion, and etcd through SSH tunnels. lab1..lab3 are the etcd group, lab4 a spare host.
 * Install sets up both clusters; each is healthy with three members; the events cluster is snapshotted, verified,
 * diagnosed and has a member replaced with --cluster events, the main cluster untouched (decision 0038).
 */
@LabHosts(count = 5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsClusterCliLabTest {
    static Lab lab;
    @RegisterExtension
    static final CliLabCluster cli = CliLabCluster.notInstalled(3).withInventory(EventsClusterCliLabTest::writeIni);

    /** lab1..lab4 in [all], lab5 as [bastion], lab1..lab3 as [etcd], the events cluster enabled. */
    private static Path writeIni(Lab lab, Path folder) throws IOException {
        StringBuilder ini = new StringBuilder("[all]\n");
        for (int i = 0; i < 4; i++) {
            ini.append(CliLab.iniHost(lab, lab.host(i)));
        }
        ini.append("\n[bastion]\nbastion ansible_host=").append(lab.host(4).address())
                .append(" ansible_user=root ansible_ssh_private_key_file=").append(lab.privateKey()).append('\n');
        ini.append("\n[etcd]\nlab1\nlab2\nlab3\n\n[all:vars]\n").append(CliLab.iniEtcdVars(EtcdTarball.get()))
                .append("etcd_events_cluster_enabled=true\n");
        Path file = folder.resolve("inventory.ini");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, ini);
    }

    @BeforeAll
    static void behindTheBastion() {
        for (int i = 0; i < 4; i++) {
            blockFromWorkstation(lab.host(i));
        }
    }

    /** SSH and both clusters' client ports dropped from the workstation (the bridge's address) only. */
    private static void blockFromWorkstation(LabHost host) {
        String rule = "ip saddr " + lab.bridgeAddress() + " tcp dport { 22, 2379, 2383 } drop";
        var result = host.exec("nft add table inet quorum_events_block && nft add chain inet quorum_events_block in "
                + "'{ type filter hook input priority -10; policy accept; }' && nft add rule inet quorum_events_block in "
                + rule);
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    @AfterAll
    static void tearDown() {
        if (lab != null) {
            for (int i = 0; i < 4; i++) {
                lab.host(i).exec("nft delete table inet quorum_events_block");
            }
        }
    }

    private static List<String> names(JsonNode status) {
        List<String> names = new ArrayList<>();
        status.get("members").forEach(m -> names.add(m.get("name").asText()));
        return names;
    }

    @Test
    @Order(1)
    void installSetsUpBothClustersThroughTheBastionAndARerunChangesNothing() {
        CliContractTest.Run install = cli.quorum("install", "--yes");
        assertThat(install.exit()).as(install.out() + install.err()).isZero();
        assertThat(install.out()).contains("events cluster: Write /etc/etcd-events.env");
        assertThat(lab.host(0).readFile("/etc/etcd-events.env")).contains("ETCD_NAME=etcd1-events")
                .contains("ETCD_LISTEN_PEER_URLS=https://" + lab.host(0).address() + ":2382")
                .contains("ETCD_DATA_DIR=/var/lib/etcd-events").contains("ETCD_INITIAL_CLUSTER_STATE=existing");
        assertThat(lab.host(0).fileExists("/var/lib/etcd-events/member")).isTrue();

        CliContractTest.Run again = cli.quorum("install", "--yes");
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("done, no changes: ").doesNotContain("changed  ");
    }

    @Test
    @Order(2)
    void bothClustersAreHealthyWithThreeMembersEach() throws Exception {
        JsonNode main = cli.statusJson();
        JsonNode events = cli.statusJson("--cluster", "events");

        assertThat(main.get("healthy").asBoolean()).isTrue();
        assertThat(main.get("etcdCluster").asText()).isEqualTo("main");
        assertThat(names(main)).containsExactlyInAnyOrder("etcd1", "etcd2", "etcd3");
        assertThat(events.get("healthy").asBoolean()).isTrue();
        assertThat(events.get("etcdCluster").asText()).isEqualTo("events");
        assertThat(names(events)).containsExactlyInAnyOrder("etcd1-events", "etcd2-events", "etcd3-events");
        assertThat(events.get("members").get(0).get("endpoint").asText()).endsWith(":2383");

        CliContractTest.Run text = cli.quorum("status", "--cluster", "events");
        assertThat(text.out()).contains("(the events cluster: etcd-events, client port 2383)");
    }

    @Test
    @Order(3)
    void theEventsClusterIsSnapshottedIntoItsOwnFolderAndVerified() {
        CliContractTest.Run save = cli.quorum("snapshot", "save", "--cluster", "events");
        assertThat(save.exit()).as(save.out() + save.err()).isZero();
        String file = save.out().lines().filter(l -> l.startsWith("Snapshot saved: ")).findFirst().orElseThrow()
                .substring("Snapshot saved: ".length()).strip();
        assertThat(file).contains("inventory-events");

        CliContractTest.Run verify = CliContractTest.run("snapshot", "verify", file);
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
    }

    @Test
    @Order(4)
    void diagnoseReadsTheEventsMembersOverSsh() throws Exception {
        CliContractTest.Run diagnose = cli.quorum("diagnose", "--cluster", "events", "--json");

        assertThat(diagnose.exit()).as(diagnose.out() + diagnose.err()).isZero();
        assertThat(diagnose.out()).contains("etcd1-events").contains("etcd3-events");
    }

    @Test
    @Order(5)
    void aRestoresDropInOnTheEventsUnitIsDiagnosedThereAndRecoverRemovesIt() {
        // what an interrupted restore of the events cluster leaves on lab2 (decisions 0042, 0047)
        InitialCheckDropIn dropIn = new InitialCheckDropIn(ClusterLayout.EVENTS,
                "ETCD_EXPERIMENTAL_INITIAL_CORRUPT_CHECK=false\n");
        LabHost lab2 = lab.host(1);
        lab2.writeFile(dropIn.envPath(), dropIn.env());
        lab2.writeFile(dropIn.confPath(), dropIn.conf());
        assertThat(lab2.exec("systemctl daemon-reload").exitCode()).isZero();

        CliContractTest.Run events = cli.quorum("diagnose", "--cluster", "events");
        assertThat(events.exit()).as(events.out() + events.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(events.out()).contains("lab2 still has a restore's drop-in")
                .contains("a restore's drop-in is left (/run/systemd/system/etcd-events.service.d/quorum-restore.conf)")
                .contains("quorum recover -i " + cli.inventory() + " --cluster events");
        CliContractTest.Run main = cli.quorum("diagnose", "--json");
        assertThat(main.exit()).as("the main cluster's unit has none: " + main.out()).isZero();
        assertThat(main.out()).contains("\"restoreDropIn\" : false").doesNotContain("restore-drop-in");

        CliContractTest.Run recovered = cli.quorum("recover", "--cluster", "events", "--yes");
        assertThat(recovered.exit()).as(recovered.out() + recovered.err()).isZero();
        assertThat(recovered.out()).contains("Remove the drop-in an interrupted restore left")
                .contains("Now: healthy: all 3 members");
        assertThat(lab2.fileExists(dropIn.confPath())).isFalse();
        assertThat(lab2.exec("systemctl cat etcd-events").stdout()).doesNotContain(InitialCheckDropIn.NAME);
    }

    @Test
    @Order(6)
    void anEventsMemberIsReplacedByTheSpareHostWhileTheMainClusterStaysAsItWas() throws Exception {
        CliContractTest.Run replaced = cli.quorum("replace", "--cluster", "events", "--member", "etcd3-events",
                "--with", "lab4", "--yes");

        assertThat(replaced.exit()).as(replaced.out() + replaced.err()).isZero();
        JsonNode events = cli.statusJson("--cluster", "events");
        assertThat(events.get("healthy").asBoolean()).isTrue();
        assertThat(names(events)).hasSize(3).contains("etcd1-events", "etcd2-events").doesNotContain("etcd3-events");
        assertThat(events.get("members").toString()).contains(lab.host(3).address() + ":2383")
                .doesNotContain(lab.host(2).address() + ":2383");
        assertThat(lab.host(2).fileExists("/etc/etcd-events.env")).isFalse();
        JsonNode main = cli.statusJson();
        assertThat(main.get("healthy").asBoolean()).isTrue();
        assertThat(names(main)).containsExactlyInAnyOrder("etcd1", "etcd2", "etcd3");
    }

    @Test
    @Order(7)
    void anInventoryWithoutTheEventsClusterSaysWhichVariableToSet() throws Exception {
        Path inventory = Path.of(cli.inventory());
        Path plain = Files.writeString(inventory.resolveSibling("plain.ini"),
                Files.readString(inventory).replace("etcd_events_cluster_enabled=true", ""));

        CliContractTest.Run refused = CliLab.run(plain.toString(), cli.knownHosts(), "status", "--cluster", "events");

        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("etcd_events_cluster_enabled");
    }
}
