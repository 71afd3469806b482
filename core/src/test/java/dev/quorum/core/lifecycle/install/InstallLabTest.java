package dev.quorum.core.lifecycle.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.lab.ExecResult;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import dev.quorum.lab.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Install on three bare lab hosts. Bad input first (each refused before anything changes), then
 * an install interrupted half-way, its completion by a re-run (with systemd late to see etcd ready), the checks of the result, and an
 * idempotent re-run.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallLabTest {
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;

    @BeforeAll
    static void inventory() {
        cluster = new LabCluster(lab, dir, Map.of());
    }

    private static void assertUntouched() {
        for (LabHost host : lab.hosts()) {
            assertThat(host.fileExists("/usr/local/bin/etcd")).as("etcd on " + host).isFalse();
            assertThat(host.fileExists("/etc/etcd.env")).as("env on " + host).isFalse();
            assertThat(host.fileExists("/etc/ssl/etcd/ssl")).as("certs on " + host).isFalse();
        }
    }

    @Test
    @Order(1)
    void aTarballWhoseChecksumDoesNotMatchInstallsNothing(@TempDir Path other) {
        LabCluster wrong = new LabCluster(lab, other, Map.of("etcd_binary_checksum", "ab".repeat(32)));

        LabCluster.Outcome outcome = wrong.install();

        assertThat(outcome.result().outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(outcome.firstFailure()).contains("etcd_binary_checksum says " + "ab".repeat(32))
                .contains("nothing was installed");
        assertUntouched();
    }

    @Test
    @Order(2)
    void anUnknownHostKeyIsRefusedWithItsFingerprint() {
        LabCluster.Outcome outcome = cluster.run(cluster.ssh().withKnownHostsFile(lab.emptyKnownHosts()),
                RunMode.APPLY, new Cancellation(), e -> { });

        assertThat(outcome.result().outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(outcome.firstFailure()).contains("SHA256:").contains("--accept-new-host-keys");
        assertUntouched();
    }

    @Test
    @Order(3)
    void aWrongKeyIsRefused() throws Exception {
        Path otherKey = dir.resolve("other_ed25519");
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey.toString())
                .inheritIO().start().waitFor();
        LabCluster wrongKey = new LabCluster(lab, dir.resolve("wrong-key"), Map.of());
        wrongKey.editInventory(lab.privateKey().toString(), otherKey.toString());
        LabCluster.Outcome refused = wrongKey.install();
        assertThat(refused.result().outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(refused.firstFailure()).contains("SSH login as root on lab1 failed").contains(otherKey.toString())
                .contains("authorized_keys");
        assertUntouched();
    }

    @Test
    @Order(4)
    void anUnreachableHostIsNamed() {
        lab.host(2).cutLink();
        try {
            LabCluster.Outcome outcome = cluster.install();
            assertThat(outcome.result().outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(outcome.firstFailure()).startsWith(lab.host(2).name() + ":")
                    .contains(lab.host(2).address() + ":22");
        } finally {
            lab.host(2).healLink();
        }
        assertUntouched();
    }

    @Test
    @Order(5)
    void aPortAlreadyInUseIsRefused() {
        LabHost host = lab.host(1);
        host.exec("nohup python3 -c 'import socket,time; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, "
                + "socket.SO_REUSEADDR, 1); s.bind((\"0.0.0.0\", 2379)); s.listen(); time.sleep(120)' "
                + ">/dev/null 2>&1 &").requireOk("listen on 2379");
        try {
            waitForListener(host);
            LabCluster.Outcome outcome = cluster.install();
            assertThat(outcome.result().outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(outcome.firstFailure()).startsWith(host.name() + ":").contains("port 2379 is already in use")
                    .contains("python3");
        } finally {
            host.kill("python3");
        }
        // a signal sent is not a process gone: the next test must not meet this listener
        assertThat(Wait.until(Duration.ofSeconds(10), Duration.ofMillis(100),
                () -> !host.exec("ss -Hltn | grep -q ':2379 '").ok())).as("port 2379 free again").isTrue();
        assertUntouched();
    }

    private static void waitForListener(LabHost host) {
        for (int i = 0; i < 50; i++) {
            if (host.exec("ss -Hltn | grep -q ':2379 '").ok()) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("the test listener did not start on " + host);
    }

    @Test
    @Order(6)
    void anIpTheHostDoesNotHaveIsRefusedBeforeAnythingIsWritten(@TempDir Path other) {
        LabHost host = lab.host(1);
        LabCluster natted = new LabCluster(lab, other, Map.of());
        // Others still connect to the host's real address (access_ip); only the listen address is wrong. The
        // documentation address is never connected to: etcd would only have listened on it.
        natted.editInventory("      ip: " + host.address() + "\n",
                "      ip: 192.0.2.10\n      access_ip: " + host.address() + "\n");

        LabCluster.Outcome outcome = natted.install();

        assertThat(outcome.result().outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(outcome.firstFailure()).startsWith(host.name() + ":")
                .contains("etcd would listen on 192.0.2.10, which is not an address of this host")
                .contains(host.address());
        assertUntouched();
    }

    @Test
    @Order(6)
    void aForeignDataDirIsRefusedAndKept() {
        LabHost host = lab.host(0);
        host.exec("mkdir -p /var/lib/etcd/member/snap && echo precious > /var/lib/etcd/member/snap/db")
                .requireOk("make a foreign data dir");
        try {
            LabCluster.Outcome outcome = cluster.install();
            assertThat(outcome.result().outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(outcome.firstFailure()).startsWith(host.name() + ":")
                    .contains("does not belong to this cluster").contains("mv /var/lib/etcd");
            assertThat(host.readFile("/var/lib/etcd/member/snap/db")).isEqualTo("precious\n");
        } finally {
            host.exec("rm -rf /var/lib/etcd");
        }
        assertUntouched();
    }

    @Test
    @Order(7)
    void planPreviewChangesNothing() {
        LabCluster.Outcome outcome = cluster.run(cluster.ssh(), RunMode.PREVIEW, new Cancellation(), e -> { });

        assertThat(outcome.result().succeeded()).as(outcome.log()).isTrue();
        assertThat(outcome.result().summary().pending()).isGreaterThan(0);
        assertThat(outcome.result().summary().changed()).isZero();
        assertUntouched();
    }

    @Test
    @Order(8)
    void anInterruptedInstallCompletesWhenRunAgain() {
        Cancellation cancellation = new Cancellation();
        LabCluster.Outcome interrupted = cluster.run(cluster.ssh(), RunMode.APPLY, cancellation, event -> {
            if (event instanceof RunEvent.StepFinished finished && finished.title().startsWith("Write /etc/etcd.env")) {
                cancellation.cancel();
            }
        });
        assertThat(interrupted.result().outcome()).as(interrupted.log()).isEqualTo(RunOutcome.CANCELLED);
        assertThat(lab.host(0).fileExists("/etc/etcd.env")).isTrue();
        assertThat(lab.host(0).exec("systemctl is-active etcd").stdout().strip()).isNotEqualTo("active");

        // systemd acting late on etcd's READY=1 (as under load): etcd answers health while its unit says
        // "activating", and the start's verification must wait for the unit rather than call the start failed
        lab.hosts().forEach(host -> host.lateReady(Duration.ofSeconds(2)));
        LabCluster.Outcome completed;
        try {
            completed = cluster.install();
        } finally {
            lab.hosts().forEach(LabHost::promptReady);
        }

        assertThat(completed.result().succeeded()).as(completed.log() + completed.firstFailure()).isTrue();
        assertThat(completed.result().summary().changed()).isGreaterThan(0);
        // the workstation holds the cluster's CA by now, so the running version is checked: the hosts' refusals on
        // the client port answer it, rather than a probe's timeout
        assertThat(completed.messages("Check the running members' etcd version"))
                .containsExactly("no member answers yet: nothing listens on the client port of lab1, lab2, lab3");
    }

    @Test
    @Order(9)
    void theClusterIsHealthyOverTlsWithEtcdctlOnEveryHost() {
        for (LabHost host : lab.hosts()) {
            ExecResult health = host.exec("/usr/local/bin/etcdctl.sh endpoint health --cluster");
            assertThat(health.ok()).as(health.stderr()).isTrue();
            assertThat(health.stdout() + health.stderr()).contains("https://" + host.address() + ":2379 is healthy");
        }
        assertThat(lab.host(0).exec("etcdctl.sh put quorum-test hello").ok()).isTrue();
        assertThat(lab.host(2).exec("etcdctl.sh get quorum-test --print-value-only").stdout()).isEqualTo("hello\n");
        ExecResult members = lab.host(1).exec("etcdctl.sh member list");
        assertThat(members.stdout()).contains("etcd1", "etcd2", "etcd3").contains("started");
        assertThat(lab.host(0).readFile("/etc/etcd.env")).contains("ETCD_INITIAL_CLUSTER_STATE=existing")
                .contains("ETCD_PRE_VOTE=true");
    }

    @Test
    @Order(10)
    void plainHttpAndClientsWithoutACertificateAreRefused() {
        LabHost host = lab.host(0);
        String endpoint = host.address() + ":2379";
        ExecResult plain = host.exec("ETCDCTL_API=3 /usr/local/bin/etcdctl --dial-timeout=2s --command-timeout=3s "
                + "--endpoints=http://" + endpoint + " get x");
        assertThat(plain.ok()).isFalse();
        ExecResult noCert = host.exec("/usr/local/bin/etcdctl --dial-timeout=2s --command-timeout=3s "
                + "--cacert=/etc/ssl/etcd/ssl/ca.pem --endpoints=https://" + endpoint + " get x");
        assertThat(noCert.ok()).isFalse();
        assertThat(noCert.stderr()).containsAnyOf("bad certificate", "certificate required", "deadline exceeded",
                "context deadline", "tls");
    }

    @Test
    @Order(11)
    void theCaKeyIsOnNoHostAndKeysArePrivate() throws Exception {
        String caKey = Files.readString(cluster.home.pki(cluster.inventory().clusterName()).resolve("ca-key.pem"));
        String keyBody = caKey.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        for (LabHost host : lab.hosts()) {
            assertThat(host.fileExists("/etc/ssl/etcd/ssl/ca-key.pem")).isFalse();
            assertThat(host.exec("grep -rlF -- '" + keyBody + "' /etc /var/lib/etcd /usr/local/bin /root "
                    + "/var/backups 2>/dev/null").stdout()).as("CA key material on " + host).isEmpty();
            assertThat(host.exec("stat -c %a /etc/ssl/etcd/ssl/member-" + host.name() + "-key.pem "
                    + "/etc/ssl/etcd/ssl/admin-" + host.name() + "-key.pem").stdout()).isEqualTo("600\n600\n");
            assertThat(host.exec("ls /etc/ssl/etcd/ssl").stdout().split("\n")).containsExactlyInAnyOrder(
                    "ca.pem", "member-" + host.name() + ".pem", "member-" + host.name() + "-key.pem",
                    "admin-" + host.name() + ".pem", "admin-" + host.name() + "-key.pem");
        }
        Path pki = cluster.home.pki(cluster.inventory().clusterName());
        assertThat(Files.getPosixFilePermissions(pki.resolve("ca-key.pem")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    @Order(12)
    void aReRunChangesNothingAndRestartsNothing() {
        Map<String, String> pids = new HashMap<>();
        for (LabHost host : lab.hosts()) {
            pids.put(host.name(), host.exec("pgrep -x etcd").stdout());
        }
        String membersBefore = lab.host(0).exec("etcdctl.sh member list").stdout();

        LabCluster.Outcome again = cluster.install();

        assertThat(again.result().succeeded()).as(again.log()).isTrue();
        assertThat(again.result().summary().nothingChanged()).as(again.log()).isTrue();
        for (LabHost host : lab.hosts()) {
            assertThat(host.exec("pgrep -x etcd").stdout()).isEqualTo(pids.get(host.name()));
        }
        assertThat(lab.host(0).exec("etcdctl.sh member list").stdout()).isEqualTo(membersBefore);
    }

    @Test
    @Order(13)
    void aBinaryChangedInPlaceWithItsSizeAndMtimeKeptIsInstalledAgain() {
        LabHost host = lab.host(2);
        String released = lab.host(0).exec("sha256sum /usr/local/bin/etcdctl").stdout().split(" ")[0];
        // one byte rewritten in place, size and mtime put back: only the ctime tells (decision 0052's record)
        host.exec("f=/usr/local/bin/etcdctl; cp -p $f /tmp/etcdctl.ref && printf 'X' | dd of=$f bs=1 seek=4096 "
                + "conv=notrunc 2>/dev/null && touch -r /tmp/etcdctl.ref $f && rm -f /tmp/etcdctl.ref")
                .requireOk("change etcdctl in place");
        assertThat(host.exec("sha256sum /usr/local/bin/etcdctl").stdout()).doesNotStartWith(released);

        LabCluster.Outcome again = cluster.install();

        assertThat(again.result().succeeded()).as(again.log()).isTrue();
        assertThat(again.result().summary().nothingChanged()).as("the changed binary was noticed: " + again.log())
                .isFalse();
        assertThat(host.exec("sha256sum /usr/local/bin/etcdctl").stdout()).startsWith(released);
    }

    @Test
    @Order(14)
    void aChangedHostKeyIsAlwaysRefused() {
        lab.host(1).regenerateHostKey();

        LabCluster.Outcome outcome = cluster.run(cluster.ssh().withAcceptNewHostKeys(true), RunMode.APPLY,
                new Cancellation(), e -> { });

        assertThat(outcome.result().outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(outcome.firstFailure()).startsWith(lab.host(1).name() + ":").contains("SHA256:")
                .containsIgnoringCase("changed");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
