package dev.quorum.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A 3-member plain-http etcd cluster run by the systemctl stand-in with a Kubespray-like unit,
 * driven over SSH as the tool will: start, health, kill + Restart=always, stop, partition.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EtcdOnLabTest {

    // Kubespray's unit (host deployment); RestartSec shortened so the test stays quick
    private static final String UNIT = """
            [Unit]
            Description=etcd
            After=network.target

            [Service]
            Type=notify
            User=root
            EnvironmentFile=/etc/etcd.env
            ExecStart=/usr/local/bin/etcd
            NotifyAccess=all
            Restart=always
            RestartSec=1s
            LimitNOFILE=40000

            [Install]
            WantedBy=multi-user.target
            """;

    private static Lab lab;

    @BeforeAll
    static void installEtcd() {
        String cluster = lab.hosts().stream().map(h -> h.name() + "=http://" + h.address() + ":2380")
                .collect(Collectors.joining(","));
        for (LabHost h : lab.hosts()) {
            h.copyIn(Path.of("/usr/bin/etcd"), "/usr/local/bin/etcd", "0755");
            h.copyIn(Path.of("/usr/bin/etcdctl"), "/usr/local/bin/etcdctl", "0755");
            h.writeFile("/etc/etcd.env", String.join("\n",
                    "# written like Kubespray's etcd.env",
                    "ETCD_NAME=" + h.name(),
                    "ETCD_DATA_DIR=/var/lib/etcd",
                    "",
                    "ETCD_LISTEN_PEER_URLS=http://" + h.address() + ":2380",
                    "ETCD_LISTEN_CLIENT_URLS=http://" + h.address() + ":2379,http://127.0.0.1:2379",
                    "ETCD_ADVERTISE_CLIENT_URLS=http://" + h.address() + ":2379",
                    "ETCD_INITIAL_ADVERTISE_PEER_URLS=http://" + h.address() + ":2380",
                    "ETCD_INITIAL_CLUSTER=" + cluster,
                    "ETCD_INITIAL_CLUSTER_STATE=new",
                    "ETCD_INITIAL_CLUSTER_TOKEN=lab",
                    // short timeouts keep the partition test quick; pre-vote avoids term bumps on heal
                    "ETCD_HEARTBEAT_INTERVAL=100",
                    "ETCD_ELECTION_TIMEOUT=1000",
                    "ETCD_PRE_VOTE=true",
                    ""));
            h.writeFile("/etc/systemd/system/etcd.service", UNIT);
        }
    }

    @Test
    @Order(1)
    void clusterStartsThroughSystemctlOverSsh() {
        // in parallel: `start` of a notify service blocks until etcd is ready, i.e. has a quorum
        List<CompletableFuture<ExecResult>> starts = lab.hosts().stream()
                .map(h -> CompletableFuture.supplyAsync(() -> Ssh.root(lab, h,
                        "systemctl daemon-reload && systemctl enable etcd && systemctl start etcd")))
                .toList();
        for (CompletableFuture<ExecResult> s : starts) {
            ExecResult r = s.join();
            assertThat(r.exitCode()).as(r.stderr()).isZero();
        }
        for (LabHost h : lab.hosts()) {
            ExecResult active = Ssh.root(lab, h, "systemctl is-active etcd");
            assertThat(active.exitCode()).isZero();
            assertThat(active.stdout()).isEqualTo("active\n");
            assertThat(Ssh.root(lab, h, "systemctl is-enabled etcd").stdout()).isEqualTo("enabled\n");
        }
        ExecResult health = lab.host(0).exec(etcdctl("endpoint health --cluster"));
        assertThat(health.exitCode()).as(health.stderr()).isZero();
        // etcdctl 3.4 prints health lines on stderr
        assertThat(health.stderr().lines().filter(l -> l.contains("is healthy")).count()).isEqualTo(3);
        assertThat(lab.host(1).exec(etcdctl("put lab-key lab-value")).stdout()).contains("OK");
        assertThat(lab.host(2).exec(etcdctl("get lab-key --print-value-only")).stdout()).isEqualTo("lab-value\n");
    }

    @Test
    @Order(2)
    void limitNofileIsClampedToTheHardLimit() {
        LabHost h = lab.host(0);
        String pid = h.exec("systemctl show -p MainPID --value etcd").stdout().trim();
        String hard = h.exec("ulimit -Hn").stdout().trim();
        String limits = h.readFile("/proc/" + pid + "/limits");
        assertThat(limits).containsPattern("Max open files\\s+" + Math.min(40000, Long.parseLong(hard)));
    }

    @Test
    @Order(3)
    void killedEtcdIsRestarted() {
        LabHost h = lab.host(1);
        String before = mainPid(h);
        assertThat(h.kill("etcd")).isTrue();
        assertThat(Wait.until(Duration.ofSeconds(10), () -> {
            String show = h.exec("systemctl show -p ActiveState,NRestarts,MainPID etcd").stdout();
            return show.contains("ActiveState=active") && show.contains("NRestarts=1")
                    && !show.contains("MainPID=" + before + "\n");
        })).as("restarted by Restart=always").isTrue();
        assertThat(h.exec(etcdctl("endpoint health")).exitCode()).isZero();
        assertThat(h.exec("journalctl -u etcd --no-pager -n 200").stdout())
                .contains("Scheduled restart job, restart counter is at 1.");
    }

    @Test
    @Order(4)
    void stoppedEtcdStaysStopped() throws Exception {
        LabHost h = lab.host(2);
        assertThat(Ssh.root(lab, h, "systemctl stop etcd").exitCode()).isZero();
        ExecResult active = Ssh.root(lab, h, "systemctl is-active etcd");
        assertThat(active.exitCode()).isEqualTo(3);
        assertThat(active.stdout()).isEqualTo("inactive\n");
        Thread.sleep(1500);   // longer than RestartSec: nothing may bring it back
        assertThat(h.exec("pgrep -x etcd").ok()).isFalse();
        assertThat(h.exec("systemctl is-active etcd").stdout()).isEqualTo("inactive\n");
        assertThat(Ssh.root(lab, h, "systemctl start etcd").exitCode()).isZero();
        assertThat(h.exec(etcdctl("endpoint health")).exitCode()).isZero();
    }

    @Test
    @Order(5)
    void cutPeersIsolatesAMemberAndHealRestoresIt() {
        LabHost victim = follower();
        LabHost other = lab.hosts().stream().filter(h -> h != victim).findFirst().orElseThrow();
        victim.cutPeers();
        try {
            assertThat(victim.exec(etcdctl("endpoint health --command-timeout=2s")).exitCode())
                    .as("isolated member cannot commit").isNotZero();
            assertThat(other.exec(etcdctl("put during-cut yes")).exitCode()).as("majority still writes").isZero();
            assertThat(Ssh.root(lab, victim, "systemctl is-active etcd").stdout()).isEqualTo("active\n");
        } finally {
            victim.healPeers();
        }
        assertThat(Wait.until(Duration.ofSeconds(15),
                () -> victim.exec(etcdctl("get during-cut --print-value-only --consistency=l --command-timeout=2s"))
                        .stdout().equals("yes\n"))).as("healed member catches up").isTrue();
    }

    private static LabHost follower() {
        for (LabHost h : lab.hosts()) {
            String status = h.exec(etcdctl("endpoint status -w fields")).stdout();
            Matcher member = Pattern.compile("\"MemberID\" : (\\d+)").matcher(status);
            Matcher leader = Pattern.compile("\"Leader\" : (\\d+)").matcher(status);
            if (member.find() && leader.find() && !member.group(1).equals(leader.group(1))) {
                return h;
            }
        }
        throw new AssertionError("no follower found");
    }

    private static String mainPid(LabHost h) {
        return h.exec("systemctl show -p MainPID --value etcd").stdout().trim();
    }

    private static String etcdctl(String args) {
        return "ETCDCTL_API=3 etcdctl --endpoints=http://127.0.0.1:2379 " + args;
    }
}
