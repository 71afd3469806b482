package dev.quorum.core.lifecycle.members;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.inventory.ClusterLayout;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EtcdStartLogTest {
    private static final String CRASH = String.join("\n",
            "Dec 03 12:37:57 lab4 etcd[812]: etcdserver: name = etcd4",
            "Dec 03 12:37:58 lab4 etcd[812]: etcdserver: cannot open database at /var/lib/etcd/member/snap/db "
                    + "(write /var/lib/etcd/member/snap/db: no space left on device)",
            "Dec 03 12:37:58 lab4 etcd[812]: panic: cannot open database at /var/lib/etcd/member/snap/db "
                    + "(write /var/lib/etcd/member/snap/db: no space left on device)",
            "Dec 03 12:37:58 lab4 etcd[812]: goroutine 93 [running]:",
            "Dec 03 12:37:58 lab4 etcd[812]: go.etcd.io/etcd/etcdserver.openBackend.func1()",
            "Dec 03 12:37:58 lab4 etcd[812]:         go.etcd.io/etcd/etcdserver/backend.go:74 +0x58",
            "Dec 03 12:37:58 lab4 systemd[1]: etcd.service: Main process exited, code=exited, status=2/FAILURE");

    @Test
    void findsThePanicAboveTheStackTrace() {
        assertThat(EtcdStartLog.crashCause(CRASH)).hasValueSatisfying(line -> assertThat(line)
                .contains("panic: cannot open database").contains("no space left on device"));
    }

    @Test
    void aFullDiskIsToldToBeFreed() {
        assertThat(EtcdStartLog.hint(EtcdStartLog.crashCause(CRASH), "lab4", "/var/lib/etcd", ClusterLayout.MAIN))
                .contains("free room on the file system of /var/lib/etcd on lab4");
    }

    @Test
    void unreachablePeersPointToPort2380() {
        String log = "Dec 03 lab3 etcd[9]: {\"level\":\"fatal\",\"msg\":\"discovery failed\",\"error\":"
                + "\"cannot fetch cluster info from peer urls: could not retrieve cluster information from the given URLs\"}";
        assertThat(EtcdStartLog.hint(EtcdStartLog.crashCause(log), "lab3", "/var/lib/etcd", ClusterLayout.MAIN))
                .contains("reaches them on port 2380");
    }

    @Test
    void aMemberStillStartingHasNoCrashAndIsToldToCheckItsPeers() {
        String log = "Dec 03 lab3 etcd[9]: rafthttp: health check for peer 1a2b could not connect: dial tcp "
                + "198.19.77.21:2380: i/o timeout";
        assertThat(EtcdStartLog.crashCause(log)).isEmpty();
        assertThat(EtcdStartLog.hint(Optional.empty(), "lab3", "/var/lib/etcd", ClusterLayout.MAIN)).contains("port 2380");
        assertThat(EtcdStartLog.hint(Optional.empty(), "lab3", "/var/lib/etcd-events", ClusterLayout.EVENTS))
                .contains("port 2382");
        assertThat(EtcdStartLog.hint(Optional.of("dial tcp 10.0.0.2:2382: connect: connection timed out"), "lab3",
                "/var/lib/etcd-events", ClusterLayout.EVENTS)).contains("reaches them on port 2382");
        assertThat(EtcdStartLog.hint(Optional.of("panic: something else"), "lab3", "/var/lib/etcd-events",
                ClusterLayout.EVENTS)).contains("journalctl -u etcd-events on lab3");
    }

    @Test
    void zapsOwnLineGivesTheCauseGosPanicLineLeavesOut() {
        String journal = String.join("\n",
                "Dec 03 16:33:05 lab4 etcd[90]: {\"level\":\"info\",\"msg\":\"opened backend db\"}",
                "Dec 03 16:33:05 lab4 etcd[90]: {\"level\":\"panic\",\"ts\":\"2026-12-03T16:33:05Z\",\"caller\":"
                        + "\"backend/backend.go:186\",\"msg\":\"failed to open database\",\"path\":\"/var/lib/etcd/member/snap/db\","
                        + "\"error\":\"write /var/lib/etcd/member/snap/db: no space left on device\",\"stacktrace\":\"go.etcd.io/...\"}",
                "Dec 03 16:33:05 lab4 etcd[90]: panic: failed to open database",
                "Dec 03 16:33:05 lab4 etcd[90]: goroutine 1 [running]:",
                "Dec 03 16:33:05 lab4 systemd[1]: etcd.service: Main process exited, code=exited, status=2/FAILURE");

        assertThat(EtcdStartLog.crashCause(journal)).contains(
                "panic: failed to open database: write /var/lib/etcd/member/snap/db: no space left on device");
        assertThat(EtcdStartLog.hint(EtcdStartLog.crashCause(journal), "lab4", "/var/lib/etcd", ClusterLayout.MAIN)).startsWith("free room");
    }
}
