package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** quorum sandbox start|status|stop for real (etcd on 127.77.0.1-3), and status -i on its inventory. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class SandboxCliTest {
    @TempDir
    static Path home;

    @BeforeAll
    static void useTempHome() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/etcd")), "no etcd binary (apt-get install etcd-server)");
        System.setProperty("quorum.home", home.toString());
    }

    @AfterAll
    static void stop() {
        CliContractTest.run("sandbox", "stop");
        System.clearProperty("quorum.home");
    }

    @Test
    @Order(1)
    void statusBeforeStartSaysNotRunning() {
        CliContractTest.Run status = CliContractTest.run("sandbox", "status");

        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("Sandbox: not running").contains("etcd1").contains("stopped");
    }

    @Test
    @Order(2)
    void startRunsThePlanAndShowsAHealthyCluster() {
        CliContractTest.Run start = CliContractTest.run("sandbox", "start");

        assertThat(start.exit()).as(start.out() + start.err()).isZero();
        assertThat(start.out()).contains("Start etcd members").contains("Run log: ")
                .contains("3 of 3 members running; 3/3 healthy, tolerates 1 failure");
    }

    @Test
    @Order(3)
    void theSandboxIsAClusterLikeAnyOtherForStatus() {
        String inventory = home.resolve("sandbox/inventory/hosts.yaml").toString();
        CliContractTest.Run status = CliContractTest.run("status", "-i", inventory);

        assertThat(status.exit()).as(status.out() + status.err()).isZero();
        assertThat(status.out()).contains("Cluster sandbox: 3/3 healthy").contains("https://127.77.0.2:2379")
                .contains("Backups: not scheduled (the sandbox's members run on this machine without systemd")
                .doesNotContain("Backups: unknown");
    }

    @Test
    @Order(4)
    void stopLeavesTheDataAndSaysSo() {
        CliContractTest.Run stop = CliContractTest.run("sandbox", "stop");

        assertThat(stop.exit()).isZero();
        assertThat(stop.out()).contains("Stop etcd members, the leader last (data is kept)");
        assertThat(home.resolve("sandbox/members/etcd1/data/member")).isDirectory();
        assertThat(CliContractTest.run("sandbox", "status").out()).contains("not running");
    }
}
