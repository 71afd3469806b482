package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.ExecResult;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Maintenance, scheduled backups, the upgrade and recovery of the events cluster through the real CLI (decision
 * 0043): three lab hosts, a YAML inventory with etcd_events_cluster_enabled, both clusters installed once. Each
 * life-cycle with --cluster events acts on etcd-events (2383, its own files) and leaves the main cluster as it was.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsLifecyclesCliLabTest {
    static Lab lab;
    @RegisterExtension
    static final CliLabCluster cli = CliLabCluster.installed(3).withEventsCluster().withEtcd("3.5");

    private static List<String> versions(String... more) throws Exception {
        List<String> versions = new ArrayList<>();
        cli.statusJson(more).get("members").forEach(m -> versions.add(m.get("version").asText()));
        return versions;
    }

    @Test
    @Order(1)
    void compactionOfTheEventsClusterDropsItsHistoryOnlyAndDefragAndAlarmsWork() {
        for (int i = 0; i < 5; i++) {
            assertThat(cli.etcdctl(2383, "put /events/k v" + i).ok()).isTrue();
            assertThat(cli.etcdctl(2379, "put /main/k v" + i).ok()).isTrue();
        }

        CliContractTest.Run compact = cli.ok("maintain", "compact", "--cluster", "events", "--keep-revisions", "1",
                "--yes");

        assertThat(compact.out()).contains("inventory-events");
        ExecResult oldEvents = cli.etcdctl(2383, "get /events/k --rev=2");
        assertThat(oldEvents.ok()).isFalse();
        assertThat(oldEvents.stderr()).contains("compacted");
        assertThat(cli.etcdctl(2379, "get /main/k --rev=2").ok()).as("the main cluster's history is kept").isTrue();
        cli.ok("maintain", "defrag", "--cluster", "events", "--yes");
        cli.ok("maintain", "alarms", "--cluster", "events");
    }

    @Test
    @Order(2)
    void eventsBackupsAreScheduledRunAndUnscheduledBesideTheMainOnes() throws Exception {
        cli.ok("backup", "schedule", "--every", "1h", "--keep", "2", "--yes");
        cli.ok("backup", "schedule", "--cluster", "events", "--every", "1h", "--keep", "2", "--yes");

        cli.ok("backup", "run", "--cluster", "events");

        LabHost host = lab.host(0);
        assertThat(host.exec("systemctl is-active quorum-backup.timer quorum-backup-events.timer").stdout())
                .isEqualTo("active\nactive\n");
        assertThat(host.exec("ls /var/backups/quorum-etcd-events").stdout())
                .contains("quorum-backup-etcd1-events-").doesNotContain("quorum-backup-etcd1-2");
        assertThat(host.exec("ls /var/backups/quorum-etcd 2>/dev/null | grep -c '[.]db$'").stdout().strip())
                .isEqualTo("0");
        JsonNode list = new ObjectMapper().readTree(cli.ok("backup", "list", "--cluster", "events", "--json").out());
        assertThat(list.toString()).contains("/var/backups/quorum-etcd-events/quorum-backup-etcd1-events-");

        cli.ok("backup", "unschedule", "--cluster", "events", "--yes");

        assertThat(host.fileExists("/etc/systemd/system/quorum-backup-events.timer")).isFalse();
        assertThat(host.fileExists("/etc/quorum-backup-events.env")).isFalse();
        assertThat(host.exec("systemctl is-active quorum-backup.timer").stdout().strip()).isEqualTo("active");
        assertThat(host.fileExists("/usr/local/bin/quorum-backup")).isTrue();
        cli.ok("backup", "unschedule", "--yes");
    }

    @Test
    @Order(3)
    void theEventsClusterFollowsTheMainClustersUpgradeOfTheSharedBinary() throws Exception {
        // 3.5 -> 3.6: the hop whose guard also reads each events member's v2 store (etcdutl check v2store)
        EtcdTarball next = EtcdTarball.require("3.6");
        cli.writeInventory("inventory", CliLab.etcdVars(next));
        String target = next.version().substring(1);

        CliContractTest.Run early = cli.quorum("upgrade", "--cluster", "events", "--yes");
        assertThat(early.exit()).isNotZero();
        assertThat(early.out() + early.err()).contains("upgrade the main cluster first");
        assertThat(versions("--cluster", "events")).doesNotContain(target);

        CliContractTest.Run upgrade = cli.ok("upgrade", "--yes");

        assertThat(upgrade.out()).contains("events cluster: Restart etcd-events onto " + next.version());
        assertThat(versions()).containsOnly(target);
        assertThat(versions("--cluster", "events")).hasSize(3).containsOnly(target);
        CliContractTest.Run again = cli.ok("upgrade", "--cluster", "events", "--yes");
        assertThat(again.out()).contains("done, no changes: ");
    }

    @Test
    @Order(4)
    void recoverStartsAStoppedEventsMemberThenReseedsOneThatLostItsData() throws Exception {
        LabHost stopped = lab.host(2);
        stopped.exec("systemctl stop etcd-events").requireOk("stop etcd-events");

        cli.ok("recover", "--cluster", "events", "--yes");

        assertThat(stopped.exec("systemctl is-active etcd-events").stdout().strip()).isEqualTo("active");

        LabHost lost = lab.host(1);
        lost.exec("systemctl stop etcd-events && rm -rf /var/lib/etcd-events/member "
                + "&& mkdir -p /var/lib/etcd-events/member/wal /var/lib/etcd-events/member/snap")
                .requireOk("lose etcd-events' data");

        CliContractTest.Run reseeded = cli.ok("recover", "--cluster", "events", "--yes");

        assertThat(reseeded.out()).contains("etcd2-events");
        assertThat(lost.exec("ls -d /var/lib/etcd-events.reseed-*").ok()).as("the lost data dir moved aside").isTrue();
        assertThat(lost.exec("systemctl is-active etcd-events etcd").stdout()).isEqualTo("active\nactive\n");
        JsonNode events = cli.statusJson("--cluster", "events");
        assertThat(events.get("healthy").asBoolean()).isTrue();
        assertThat(events.get("members")).hasSize(3);
        assertThat(lost.exec("ls -d /var/lib/etcd.reseed-* 2>/dev/null").stdout()).as("main untouched").isEmpty();
    }
}
