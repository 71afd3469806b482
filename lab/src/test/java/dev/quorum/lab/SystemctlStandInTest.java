package dev.quorum.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The systemctl/journalctl stand-ins against a small Type=notify service that reports READY=1
 * after a configurable delay: the systemd behaviours the tool relies on.
 */
@LabHosts(count = 1)
class SystemctlStandInTest {

    private static final String SERVICE = """
            #!/usr/bin/python3
            import os, resource, socket, sys, time
            print("fake starting greeting=%s mark=%s" % (os.environ.get("GREETING"), os.environ.get("MARK")), flush=True)
            if os.environ.get("FAIL") == "1":
                sys.exit(3)
            time.sleep(float(os.environ.get("READY_DELAY", "0.2")))
            s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            s.connect(os.environ["NOTIFY_SOCKET"])
            s.send(b"READY=1")
            print("nofile=%d" % resource.getrlimit(resource.RLIMIT_NOFILE)[0], flush=True)
            while True:
                time.sleep(1)
            """;

    private static final String DROP_INS = "/run/systemd/system/fake.service.d";
    private static final String ADMIN_DROP_INS = "/etc/systemd/system/fake.service.d";
    private static Lab lab;
    private LabHost host;

    @BeforeAll
    static void installFakeService() {
        lab.host(0).writeFile("/usr/local/bin/fake-notify", SERVICE);
        lab.host(0).exec("chmod 0755 /usr/local/bin/fake-notify").requireOk("chmod");
    }

    @BeforeEach
    void freshUnit() {
        host = lab.host(0);
        host.exec("systemctl stop fake; systemctl reset-failed fake; rm -f /var/log/quorum-lab/fake.log; "
                + "rm -rf " + DROP_INS + " " + ADMIN_DROP_INS);
        writeUnit("MARK=1", "no");
        env("GREETING=hello\nREADY_DELAY=0.2\n");
        host.exec("systemctl daemon-reload").requireOk("daemon-reload");
    }

    @Test
    void startBlocksUntilReadyAndNoBlockDoesNot() {
        env("# slow to get ready\n\nREADY_DELAY=1.5\n");
        long t0 = System.nanoTime();
        assertThat(host.exec("systemctl start fake").exitCode()).isZero();
        assertThat(millisSince(t0)).isGreaterThanOrEqualTo(1400);
        assertThat(host.exec("systemctl is-active fake").stdout()).isEqualTo("active\n");

        host.exec("systemctl stop fake").requireOk("stop");
        t0 = System.nanoTime();
        assertThat(host.exec("systemctl start --no-block fake").exitCode()).isZero();
        assertThat(millisSince(t0)).isLessThan(1000);
        ExecResult activating = host.exec("systemctl is-active fake");
        assertThat(activating.stdout()).isEqualTo("activating\n");
        assertThat(activating.exitCode()).isEqualTo(3);
        assertThat(Wait.until(Duration.ofSeconds(5), () -> host.exec("systemctl is-active fake").ok())).isTrue();
    }

    @Test
    void aLateReadyFaultKeepsTheUnitActivatingAfterTheServiceSaidReady() {
        host.lateReady(Duration.ofSeconds(3));
        try {
            assertThat(host.exec("systemctl start --no-block fake").exitCode()).isZero();
            // the service prints its open-files limit right after it sent READY=1
            assertThat(Wait.until(Duration.ofSeconds(5),
                    () -> host.exec("grep -q nofile= /var/log/quorum-lab/fake.log").ok())).isTrue();
            assertThat(host.exec("systemctl is-active fake").stdout()).isEqualTo("activating\n");
            assertThat(Wait.until(Duration.ofSeconds(10), () -> host.exec("systemctl is-active fake").ok())).isTrue();
        } finally {
            host.promptReady();
        }
    }

    @Test
    void environmentFileIsReadAtEachStart() {
        host.exec("systemctl start fake").requireOk("start");
        env("GREETING=again\n");
        host.exec("systemctl restart fake").requireOk("restart");
        assertThat(host.exec("journalctl -u fake --no-pager").stdout())
                .contains("greeting=hello").contains("greeting=again");
    }

    @Test
    void changedUnitNeedsDaemonReload() {
        writeUnit("MARK=2", "no");
        ExecResult start = host.exec("systemctl start fake");
        assertThat(start.exitCode()).isZero();
        assertThat(start.stderr()).contains("fake.service changed on disk. Run 'systemctl daemon-reload'");
        assertThat(host.exec("systemctl show -p NeedDaemonReload fake").stdout()).isEqualTo("NeedDaemonReload=yes\n");
        assertThat(host.exec("journalctl -u fake -n 50").stdout()).contains("mark=1").doesNotContain("mark=2");

        host.exec("systemctl daemon-reload && systemctl restart fake").requireOk("reload + restart");
        assertThat(host.exec("journalctl -u fake -n 50").stdout()).contains("mark=2");
        assertThat(host.exec("systemctl show -p NeedDaemonReload --value fake").stdout()).isEqualTo("no\n");
    }

    /** What a restore's runtime drop-in relies on (decision 0042): a later EnvironmentFile= wins, until removed. */
    @Test
    void aRuntimeDropInsEnvironmentFileOverridesTheUnitsUntilItIsRemoved() {
        host.exec("mkdir -p " + DROP_INS).requireOk("mkdir");
        host.writeFile(DROP_INS + "/override.env", "GREETING=dropin\n");
        host.writeFile(DROP_INS + "/override.conf", "[Service]\nEnvironmentFile=-" + DROP_INS + "/override.env\n"
                + "Environment=GREETING=environment MARK=2\n");
        host.exec("systemctl daemon-reload && systemctl start fake").requireOk("reload + start with the drop-in");
        assertThat(host.exec("systemctl cat fake").stdout()).contains("# " + DROP_INS + "/override.conf");
        // EnvironmentFile= entries override Environment= whatever their order; among the files the later one wins
        assertThat(host.exec("journalctl -u fake --no-pager").stdout()).contains("greeting=dropin mark=2");

        assertThat(host.exec("systemctl show -p DropInPaths --value fake").stdout())
                .isEqualTo(DROP_INS + "/override.conf\n");

        host.exec("systemctl stop fake && rm -rf " + DROP_INS).requireOk("stop, remove the drop-in");
        assertThat(host.exec("systemctl show -p DropInPaths --value fake").stdout()).as("loaded until a reload")
                .isEqualTo(DROP_INS + "/override.conf\n");
        host.exec("systemctl daemon-reload && systemctl start fake").requireOk("start again without the drop-in");
        assertThat(host.exec("systemctl show -p DropInPaths --value fake").stdout()).isEqualTo("\n");
        assertThat(host.exec("journalctl -u fake --no-pager").stdout()).contains("greeting=hello mark=1");
        assertThat(host.exec("systemctl show -p NeedDaemonReload --value fake").stdout()).isEqualTo("no\n");
    }

    /**
     * What a joining member's runtime drop-in relies on (decision 0066): systemd merges drop-ins by file name
     * whatever their directory, the last one's value winning, so a /run drop-in wins over an admin's /etc
     * override.conf (what `systemctl edit` writes) but not over a later name; the same name in /etc masks the /run file.
     */
    @Test
    void dropInsMergeByFileNameWhateverTheirDirectory() {
        host.exec("mkdir -p " + DROP_INS + " " + ADMIN_DROP_INS).requireOk("mkdir");
        host.writeFile(ADMIN_DROP_INS + "/override.conf", "[Service]\nEnvironment=MARK=admin\n");
        host.writeFile(DROP_INS + "/quorum.conf", "[Service]\nEnvironment=MARK=runtime\n");
        host.writeFile(ADMIN_DROP_INS + "/zz-late.conf", "[Service]\nEnvironment=MARK=late\n");
        host.exec("systemctl daemon-reload && systemctl start fake").requireOk("start with three drop-ins");
        assertThat(host.exec("systemctl show -p DropInPaths --value fake").stdout()).isEqualTo(ADMIN_DROP_INS
                + "/override.conf " + DROP_INS + "/quorum.conf " + ADMIN_DROP_INS + "/zz-late.conf\n");
        assertThat(host.exec("journalctl -u fake --no-pager").stdout()).contains("mark=late");

        host.writeFile(ADMIN_DROP_INS + "/quorum.conf", "[Service]\nEnvironment=MARK=masked\n");
        host.exec("systemctl stop fake && rm -f " + ADMIN_DROP_INS + "/zz-late.conf /var/log/quorum-lab/fake.log "
                + "&& systemctl daemon-reload && systemctl start fake").requireOk("start with the /run file masked");
        assertThat(host.exec("systemctl show -p DropInPaths --value fake").stdout())
                .isEqualTo(ADMIN_DROP_INS + "/override.conf " + ADMIN_DROP_INS + "/quorum.conf\n");
        assertThat(host.exec("journalctl -u fake --no-pager").stdout()).contains("mark=masked");
    }

    /** As systemd shows it: 90 s by default, the last drop-in's value, and infinity for 0 too. */
    @Test
    void theStartTimeoutShownIsTheMergedOne() {
        assertThat(host.exec("systemctl show -p TimeoutStartUSec --value fake").stdout()).isEqualTo("1min 30s\n");
        host.exec("mkdir -p " + DROP_INS + " " + ADMIN_DROP_INS).requireOk("mkdir");
        host.writeFile(DROP_INS + "/quorum-join.conf", "[Service]\nTimeoutStartSec=infinity\n");
        host.writeFile(ADMIN_DROP_INS + "/timeout.conf", "[Service]\nTimeoutStartSec=150\n");
        host.exec("systemctl daemon-reload").requireOk("daemon-reload");
        assertThat(host.exec("systemctl show -p TimeoutStartUSec -p DropInPaths fake").stdout()).isEqualTo(
                "TimeoutStartUSec=2min 30s\nDropInPaths=" + DROP_INS + "/quorum-join.conf " + ADMIN_DROP_INS + "/timeout.conf\n");
        host.writeFile(ADMIN_DROP_INS + "/timeout.conf", "[Service]\nTimeoutStartSec=0\n");
        host.exec("systemctl daemon-reload").requireOk("daemon-reload");
        assertThat(host.exec("systemctl show -p TimeoutStartUSec --value fake").stdout()).isEqualTo("infinity\n");
    }

    @Test
    void failureBeforeReadyFailsTheStartJob() {
        env("FAIL=1\n");
        ExecResult start = host.exec("systemctl start fake");
        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.stderr()).contains("Job for fake.service failed");
        ExecResult failed = host.exec("systemctl is-failed fake");
        assertThat(failed.exitCode()).isZero();
        assertThat(host.exec("systemctl show -p ActiveState,SubState,Result,ExecMainStatus fake").stdout())
                .isEqualTo("ActiveState=failed\nSubState=failed\nResult=exit-code\nExecMainStatus=3\n");
        assertThat(host.exec("systemctl status fake").exitCode()).isEqualTo(3);
        host.exec("systemctl reset-failed fake").requireOk("reset-failed");
        assertThat(host.exec("systemctl is-active fake").stdout()).isEqualTo("inactive\n");
    }

    @Test
    void limitNofileAboveTheHardLimitIsClamped() {
        host.exec("systemctl start fake").requireOk("start");
        String hard = host.exec("ulimit -Hn").stdout().trim();
        assertThat(host.exec("journalctl -u fake -n 5").stdout()).contains("nofile=" + hard);
    }

    @Test
    void unknownUnitsAreReportedLikeSystemd() {
        ExecResult start = host.exec("systemctl start nope");
        assertThat(start.exitCode()).isEqualTo(5);
        assertThat(start.stderr()).contains("Unit nope.service not found.");
        assertThat(host.exec("systemctl is-active nope").exitCode()).isEqualTo(3);
        assertThat(host.exec("systemctl status nope").exitCode()).isEqualTo(4);
        assertThat(host.exec("journalctl -u nope --no-pager").stdout()).isEqualTo("-- No entries --\n");
    }

    @Test
    void statusShowAndJournalDescribeARunningService() {
        host.exec("systemctl enable --now fake").requireOk("enable --now");
        String pid = host.exec("systemctl show -p MainPID --value fake").stdout().trim();
        assertThat(Long.parseLong(pid)).isPositive();
        assertThat(host.exec("cat /proc/" + pid + "/comm").stdout()).isEqualTo("fake-notify\n");
        ExecResult status = host.exec("systemctl status fake --no-pager");
        assertThat(status.exitCode()).isZero();
        assertThat(status.stdout()).contains("Active: active (running)").contains("Main PID: " + pid)
                .contains("/etc/systemd/system/fake.service; enabled");
        assertThat(host.exec("journalctl -u fake -n 1 --no-pager").stdout().lines().count()).isEqualTo(1);
        assertThat(host.exec("systemctl cat fake").stdout()).startsWith("# /etc/systemd/system/fake.service\n");
        host.exec("systemctl disable --now fake").requireOk("disable --now");
        assertThat(host.exec("systemctl is-enabled fake").stdout()).isEqualTo("disabled\n");
        assertThat(host.exec("pgrep -f fake-notify").ok()).isFalse();
    }

    private void writeUnit(String environment, String restart) {
        host.writeFile("/etc/systemd/system/fake.service", """
                [Unit]
                Description=fake notify service

                [Service]
                Type=notify
                EnvironmentFile=/etc/fake.env
                Environment=%s
                ExecStart=/usr/local/bin/fake-notify
                NotifyAccess=all
                Restart=%s
                LimitNOFILE=1000000

                [Install]
                WantedBy=multi-user.target
                """.formatted(environment, restart));
    }

    private void env(String content) {
        host.writeFile("/etc/fake.env", content);
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
