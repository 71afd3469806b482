package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.ExecResult;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maintenance, scheduled backups, the upgrade and recovery of the events cluster through the real CLI (decision
 * 0043): three lab hosts, a YAML inventory with etcd_events_cluster_enabled, both clusters installed once. Each
 * life-cycle with --cluster events acts on etcd-events (2383, its own files) and leaves the main cluster as it was.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsLifecyclesCliLabTest {
    static Lab lab;
    @TempDir
    static Path dir;
    static String inventory;
    static String knownHosts;

    @BeforeAll
    static void bothClustersInstalled() {
        inventory = writeInventory(EtcdTarball.require("3.5"));
        knownHosts = lab.knownHosts().toString();
        CliLab.install(dir, inventory, knownHosts);
    }

    @AfterAll
    static void tearDown() {
        CliLab.clearHome();
    }

    private static String writeInventory(EtcdTarball tarball) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("etcd_version", tarball.version());
        vars.put("etcd_download_url", tarball.uri().toString());
        vars.put("etcd_binary_checksum", tarball.sha256());
        vars.put("etcd_events_cluster_enabled", Boolean.TRUE);
        return lab.writeInventory(dir.resolve("inventory"), vars, 3).toString();
    }

    private static CliContractTest.Run quorum(String... words) {
        return CliLab.run(inventory, knownHosts, words);
    }

    private static CliContractTest.Run ok(String... words) {
        CliContractTest.Run run = quorum(words);
        assertThat(run.exit()).as(String.join(" ", words) + "\n" + run.out() + run.err()).isZero();
        return run;
    }

    /** etcdctl on lab1 with its admin certificate, against one cluster's member on loopback. */
    private static ExecResult etcdctl(int port, String args) {
        return CliLab.etcdctl(lab, port, args);
    }

    private static List<String> versions(String... more) throws Exception {
        List<String> words = new ArrayList<>(List.of("status", "--json"));
        words.addAll(List.of(more));
        JsonNode status = new ObjectMapper().readTree(ok(words.toArray(String[]::new)).out());
        List<String> versions = new ArrayList<>();
        status.get("members").forEach(m -> versions.add(m.get("version").asText()));
        return versions;
    }

    @Test
    @Order(1)
    void compactionOfTheEventsClusterDropsItsHistoryOnlyAndDefragAndAlarmsWork() {
        for (int i = 0; i < 5; i++) {
            assertThat(etcdctl(2383, "put /events/k v" + i).ok()).isTrue();
            assertThat(etcdctl(2379, "put /main/k v" + i).ok()).isTrue();
        }

        CliContractTest.Run compact = ok("maintain", "compact", "--cluster", "events", "--keep-revisions", "1",
                "--yes");

        assertThat(compact.out()).contains("inventory-events");
        ExecResult oldEvents = etcdctl(2383, "get /events/k --rev=2");
        assertThat(oldEvents.ok()).isFalse();
        assertThat(oldEvents.stderr()).contains("compacted");
        assertThat(etcdctl(2379, "get /main/k --rev=2").ok()).as("the main cluster's history is kept").isTrue();
        ok("maintain", "defrag", "--cluster", "events", "--yes");
        ok("maintain", "alarms", "--cluster", "events");
    }

    @Test
    @Order(2)
    void eventsBackupsAreScheduledRunAndUnscheduledBesideTheMainOnes() throws Exception {
        ok("backup", "schedule", "--every", "1h", "--keep", "2", "--yes");
        ok("backup", "schedule", "--cluster", "events", "--every", "1h", "--keep", "2", "--yes");

        ok("backup", "run", "--cluster", "events");

        LabHost host = lab.host(0);
        assertThat(host.exec("systemctl is-active quorum-backup.timer quorum-backup-events.timer").stdout())
                .isEqualTo("active\nactive\n");
        assertThat(host.exec("ls /var/backups/quorum-etcd-events").stdout())
                .contains("quorum-backup-etcd1-events-").doesNotContain("quorum-backup-etcd1-2");
        assertThat(host.exec("ls /var/backups/quorum-etcd 2>/dev/null | grep -c '[.]db$'").stdout().strip())
                .isEqualTo("0");
        JsonNode list = new ObjectMapper().readTree(ok("backup", "list", "--cluster", "events", "--json").out());
        assertThat(list.toString()).contains("/var/backups/quorum-etcd-events/quorum-backup-etcd1-events-");

        ok("backup", "unschedule", "--cluster", "events", "--yes");

        assertThat(host.fileExists("/etc/systemd/system/quorum-backup-events.timer")).isFalse();
        assertThat(host.fileExists("/etc/quorum-backup-events.env")).isFalse();
        assertThat(host.exec("systemctl is-active quorum-backup.timer").stdout().strip()).isEqualTo("active");
        assertThat(host.fileExists("/usr/local/bin/quorum-backup")).isTrue();
        ok("backup", "unschedule", "--yes");
    }

    @Test
    @Order(3)
    void theEventsClusterFollowsTheMainClustersUpgradeOfTheSharedBinary() throws Exception {
        // 3.5 -> 3.6: the hop whose guard also reads each events member's v2 store (etcdutl check v2store)
        EtcdTarball next = EtcdTarball.require("3.6");
        inventory = writeInventory(next);
        String target = next.version().substring(1);

        CliContractTest.Run early = quorum("upgrade", "--cluster", "events", "--yes");
        assertThat(early.exit()).isNotZero();
        assertThat(early.out() + early.err()).contains("upgrade the main cluster first");
        assertThat(versions("--cluster", "events")).doesNotContain(target);

        CliContractTest.Run upgrade = ok("upgrade", "--yes");

        assertThat(upgrade.out()).contains("events cluster: Restart etcd-events onto " + next.version());
        assertThat(versions()).containsOnly(target);
        assertThat(versions("--cluster", "events")).hasSize(3).containsOnly(target);
        CliContractTest.Run again = ok("upgrade", "--cluster", "events", "--yes");
        assertThat(again.out()).contains("done, no changes: ");
    }

    @Test
    @Order(4)
    void recoverStartsAStoppedEventsMemberThenReseedsOneThatLostItsData() throws Exception {
        LabHost stopped = lab.host(2);
        stopped.exec("systemctl stop etcd-events").requireOk("stop etcd-events");

        ok("recover", "--cluster", "events", "--yes");

        assertThat(stopped.exec("systemctl is-active etcd-events").stdout().strip()).isEqualTo("active");

        LabHost lost = lab.host(1);
        lost.exec("systemctl stop etcd-events && rm -rf /var/lib/etcd-events/member "
                + "&& mkdir -p /var/lib/etcd-events/member/wal /var/lib/etcd-events/member/snap")
                .requireOk("lose etcd-events' data");

        CliContractTest.Run reseeded = ok("recover", "--cluster", "events", "--yes");

        assertThat(reseeded.out()).contains("etcd2-events");
        assertThat(lost.exec("ls -d /var/lib/etcd-events.reseed-*").ok()).as("the lost data dir moved aside").isTrue();
        assertThat(lost.exec("systemctl is-active etcd-events etcd").stdout()).isEqualTo("active\nactive\n");
        JsonNode events = new ObjectMapper().readTree(ok("status", "--json", "--cluster", "events").out());
        assertThat(events.get("healthy").asBoolean()).isTrue();
        assertThat(events.get("members")).hasSize(3);
        assertThat(lost.exec("ls -d /var/lib/etcd.reseed-* 2>/dev/null").stdout()).as("main untouched").isEmpty();
    }
}
