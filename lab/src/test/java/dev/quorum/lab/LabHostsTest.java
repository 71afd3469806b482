package dev.quorum.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Three real lab hosts: identity, isolation, SSH, sudo, a bare-machine look, and the faults. */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabHostsTest {

    private Lab lab;

    @Test
    @Order(1)
    void eachHostHasItsOwnAddressHostnameAndEtc() {
        assertThat(lab.hosts()).extracting(LabHost::name).containsExactly("lab1", "lab2", "lab3");
        assertThat(lab.hosts()).extracting(LabHost::address).doesNotHaveDuplicates()
                .allMatch(a -> a.startsWith("198.19.77.") && !a.equals("198.19.77.1"));
        for (LabHost h : lab.hosts()) {
            assertThat(h.exec("hostname").stdout().trim()).isEqualTo(h.name());
            assertThat(h.exec("ip -4 -o addr show dev eth0").stdout()).contains(" " + h.address() + "/24");
            assertThat(h.exec("ip route show default").stdout()).as("no default route").isBlank();
        }
        lab.host(0).writeFile("/etc/quorum-lab-marker", "only on lab1\n");
        assertThat(lab.host(0).readFile("/etc/quorum-lab-marker")).isEqualTo("only on lab1\n");
        assertThat(lab.host(1).fileExists("/etc/quorum-lab-marker")).isFalse();
        assertThat(Files.exists(Path.of("/etc/quorum-lab-marker"))).isFalse();
    }

    @Test
    @Order(2)
    void rootLogsInWithTheLabKeyAndKnownHosts() throws Exception {
        for (LabHost h : lab.hosts()) {
            ExecResult r = Ssh.root(lab, h, "hostname && command -v systemctl && head -1 \"$(command -v systemctl)\"");
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stdout()).startsWith(h.name() + "\n/usr/bin/systemctl\n#!/usr/bin/python3");
        }
        assertThat(Files.readAllLines(lab.knownHosts()))
                .hasSize(3).allMatch(l -> l.matches("198\\.19\\.77\\.\\d+ ssh-ed25519 \\S+"));
    }

    @Test
    @Order(3)
    void anEmptyKnownHostsRejectsTheHost() {
        ExecResult r = Ssh.run(lab, lab.host(0), "root", lab.emptyKnownHosts(), "true");
        assertThat(r.exitCode()).isEqualTo(255);
        assertThat(r.stderr()).contains("Host key verification failed");
    }

    @Test
    @Order(4)
    void opsHasPasswordlessSudo() {
        ExecResult r = Ssh.run(lab, lab.host(1), "ops", lab.knownHosts(), "id -un && sudo -n true && sudo -n id -u");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).isEqualTo("ops\n0\n");
    }

    @Test
    @Order(5)
    void hostsLookBare() {
        LabHost h = lab.host(0);
        for (String hidden : List.of("/usr/bin/etcd", "/usr/bin/etcdctl", "/lib/systemd/system/etcd.service",
                "/etc/default/etcd", "/var/lib/etcd", "/etc/systemd/system/multi-user.target.wants/ssh.service")) {
            assertThat(h.fileExists(hidden)).as(hidden).isFalse();
        }
        assertThat(h.exec("command -v etcd || echo none").stdout().trim()).isEqualTo("none");
        assertThat(h.exec("ls -A /etc/systemd/system/multi-user.target.wants").stdout()).isBlank();
        assertThat(Files.exists(Path.of("/usr/bin/etcd"))).as("base OS keeps its etcd").isTrue();
        // the base's symlinked top dirs still work (a directory there would break every binary)
        assertThat(h.exec("readlink /lib /bin /sbin").stdout()).isEqualTo("usr/lib\nusr/bin\nusr/sbin\n");
    }

    @Test
    @Order(6)
    void inventoryListsEveryHostInGroupEtcd(@TempDir Path dir) throws Exception {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("etcd_deployment_type", "host");
        vars.put("etcd_heartbeat_interval", 250);
        Path file = lab.writeInventory(dir, vars);
        String yaml = Files.readString(file);
        assertThat(yaml).contains("    lab2:\n      ansible_host: " + lab.host(1).address() + "\n      ip: "
                + lab.host(1).address() + "\n      ansible_user: root\n      ansible_ssh_private_key_file: "
                + lab.privateKey());
        assertThat(yaml).contains("  children:\n    etcd:\n      hosts:\n        lab1:\n        lab2:\n        lab3:\n");
        assertThat(yaml).endsWith("  vars:\n    etcd_deployment_type: host\n    etcd_heartbeat_interval: 250\n"
                + "    etcd_election_timeout: " + Lab.ELECTION_MILLIS + "\n");
    }

    @Test
    @Order(7)
    void cutLinkTakesTheHostOffTheNetwork() {
        LabHost h = lab.host(2);
        h.cutLink();
        try {
            assertThat(tcp22(h)).isFalse();
        } finally {
            h.healLink();
        }
        assertThat(Wait.until(Duration.ofSeconds(5), () -> tcp22(h))).isTrue();
    }

    @Test
    @Order(8)
    void cutPeersKeepsTheBridgeReachable() {
        LabHost a = lab.host(0);
        LabHost b = lab.host(1);
        assertThat(a.exec(tcpCommand(b)).ok()).isTrue();
        a.cutPeers();
        try {
            assertThat(a.exec(tcpCommand(b)).ok()).as("lab1 -> lab2").isFalse();
            assertThat(b.exec(tcpCommand(a)).ok()).as("lab2 -> lab1").isFalse();
            assertThat(Ssh.root(lab, a, "true").exitCode()).as("tool -> lab1").isZero();
        } finally {
            a.healPeers();
        }
        assertThat(a.exec(tcpCommand(b)).ok()).isTrue();
    }

    @Test
    @Order(9)
    void fillDiskMakesWritesFailAndFreeDiskUndoesIt() {
        LabHost h = lab.host(1);
        h.writeFile("/srv/data/keep", "kept\n");
        h.fillDisk("/srv/data");
        try {
            assertThat(h.exec("echo more > /srv/data/more").stderr()).contains("No space left on device");
            assertThat(h.readFile("/srv/data/keep")).isEqualTo("kept\n");
        } finally {
            h.freeDisk("/srv/data");
        }
        assertThat(h.exec("echo more > /srv/data/more").ok()).isTrue();
        assertThat(h.exec("ls -A /srv/data").stdout()).isEqualTo("keep\nmore\n");
    }

    @Test
    @Order(10)
    void dataDirHelpersMoveTruncateAndWipe() {
        LabHost h = lab.host(0);
        h.writeFile("/var/lib/demo/member/wal/0.wal", "0123456789");
        h.truncateFiles("/var/lib/demo", 3);
        assertThat(h.readFile("/var/lib/demo/member/wal/0.wal")).isEqualTo("012");
        String moved = h.moveAside("/var/lib/demo");
        assertThat(moved).startsWith("/var/lib/demo.moved-");
        assertThat(h.fileExists("/var/lib/demo")).isFalse();
        assertThat(h.fileExists(moved + "/member/wal/0.wal")).isTrue();
        h.wipe(moved);
        assertThat(h.exec("ls -A " + moved).stdout()).isEmpty();
    }

    @Test
    @Order(11)
    void killEndsProcessesByName() {
        LabHost h = lab.host(2);
        h.exec("setsid sleep 300 </dev/null >/dev/null 2>&1 &").requireOk("start sleep");
        // setsid forks: under load the sleep may take a moment to exist
        assertThat(Wait.until(Duration.ofSeconds(3), () -> h.exec("pgrep -x sleep").ok())).isTrue();
        assertThat(h.kill("sleep")).isTrue();
        assertThat(Wait.until(Duration.ofSeconds(3), () -> !h.exec("pgrep -x sleep").ok())).isTrue();
        assertThat(h.kill("sleep")).as("nothing left to kill").isFalse();
    }

    @Test
    @Order(20)
    void regeneratedHostKeyIsSeenAsChanged() throws Exception {
        LabHost h = lab.host(2);
        String newKey = h.regenerateHostKey();
        assertThat(newKey).startsWith("ssh-ed25519 ").isEqualTo(h.hostPublicKey());
        ExecResult old = Ssh.root(lab, h, "true");
        assertThat(old.exitCode()).isEqualTo(255);
        assertThat(old.stderr()).contains("REMOTE HOST IDENTIFICATION HAS CHANGED");
        Path updated = lab.emptyKnownHosts();
        Files.writeString(updated, h.address() + " " + newKey + "\n");
        assertThat(Ssh.run(lab, h, "root", updated, "true").exitCode()).isZero();
    }

    @Nested
    class NestedClasses {

        @Test
        void shareTheOuterLabAndGetItAsAParameter(Lab injected) {
            assertThat(injected).isSameAs(lab);
            assertThat(injected.hosts()).allMatch(LabHost::running);
        }
    }

    private static boolean tcp22(LabHost h) {
        return Commands.run(List.of("bash", "-c", tcpCommand(h)), 10).ok();
    }

    private static String tcpCommand(LabHost target) {
        return "timeout 1 bash -c 'exec 3<>/dev/tcp/" + target.address() + "/22'";
    }
}
