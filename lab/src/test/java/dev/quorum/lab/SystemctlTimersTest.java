package dev.quorum.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The systemctl stand-in's timers against a Type=oneshot service that appends a line per run, as
 * the product's scheduled backup uses them: a timer fires its service by itself, `start` of the
 * oneshot blocks, `show` reports the last run.
 */
@LabHosts(count = 1)
class SystemctlTimersTest {

    private static final String JOB = """
            #!/bin/sh
            echo "run" >> /var/tmp/fake-backup.runs
            echo "fake-backup exit=${EXIT:-0}"
            exit "${EXIT:-0}"
            """;
    private static final String SERVICE = """
            [Unit]
            Description=fake backup

            [Service]
            Type=oneshot
            EnvironmentFile=-/etc/fake-backup.env
            ExecStart=/usr/local/bin/fake-backup
            """;
    private static final String TIMESTAMP = "\\w{3} \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC";
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    private static Lab lab;
    private LabHost host;

    @BeforeAll
    static void installJob() {
        lab.host(0).writeFile("/usr/local/bin/fake-backup", JOB);
        lab.host(0).exec("chmod 0755 /usr/local/bin/fake-backup").requireOk("chmod");
    }

    @BeforeEach
    void freshUnits() {
        host = lab.host(0);
        host.exec("systemctl disable --now fake-backup.timer; systemctl stop first-backup.timer;"
                + " systemctl stop fake-backup first-backup;"
                + " systemctl reset-failed fake-backup; rm -f /var/tmp/fake-backup.runs"
                + " /var/lib/systemd/timers/stamp-fake-backup.timer /var/log/quorum-lab/fake-backup.log");
        host.writeFile("/etc/systemd/system/fake-backup.service", SERVICE);
        host.writeFile("/etc/fake-backup.env", "EXIT=0\n");
    }

    @Test
    void timerFiresTheOneshotByItselfUntilDisabled() {
        writeTimer("OnActiveSec=1s\nOnUnitActiveSec=3s");
        host.exec("systemctl daemon-reload && systemctl enable --now fake-backup.timer").requireOk("enable --now");
        assertThat(host.exec("systemctl is-enabled fake-backup.timer").stdout()).isEqualTo("enabled\n");
        assertThat(host.exec("systemctl is-active fake-backup.timer").stdout()).isEqualTo("active\n");

        assertThat(Wait.until(GENEROUS, () -> runs() >= 2)).as("two runs by the timer alone").isTrue();
        assertThat(host.exec("systemctl show -p ActiveState,LastTriggerUSec fake-backup.timer").stdout())
                .matches("ActiveState=active\nLastTriggerUSec=" + TIMESTAMP + "\n");
        assertThat(host.exec("systemctl list-timers --all --no-pager").stdout())
                .containsPattern("(?m)^(" + TIMESTAMP + "|n/a) .* fake-backup\\.timer +fake-backup\\.service$");
        assertThat(host.exec("journalctl -u fake-backup").stdout()).contains("fake-backup exit=0");

        host.exec("systemctl disable --now fake-backup.timer").requireOk("disable --now");
        assertThat(host.exec("systemctl is-enabled fake-backup.timer").stdout()).isEqualTo("disabled\n");
        ExecResult inactive = host.exec("systemctl is-active fake-backup.timer");
        assertThat(inactive.stdout()).isEqualTo("inactive\n");
        assertThat(inactive.exitCode()).isEqualTo(3);
        assertThat(host.exec("systemctl show -p ActiveState,NextElapseUSecRealtime fake-backup.timer").stdout())
                .isEqualTo("ActiveState=inactive\nNextElapseUSecRealtime=\n");
        // nothing is left that could fire it: the timer's scheduler process is gone
        assertThat(host.exec("pgrep -f -- '--supervise fake-backup[.]timer'").ok()).isFalse();
    }

    @Test
    void startOfTheOneshotBlocksAndShowReportsTheRun() {
        assertThat(host.exec("systemctl daemon-reload && systemctl show -p ExecMainStartTimestamp,ExecMainExitTimestamp"
                + " fake-idle.service").stdout()).isEqualTo("ExecMainStartTimestamp=\nExecMainExitTimestamp=\n");

        host.exec("systemctl start fake-backup").requireOk("start");
        assertThat(runs()).as("the run is over when start returns").isEqualTo(1);
        assertThat(host.exec("systemctl show -p Result,ExecMainStatus,ActiveState fake-backup.service").stdout())
                .isEqualTo("Result=success\nExecMainStatus=0\nActiveState=inactive\n");
        assertThat(host.exec("systemctl show -p ExecMainStartTimestamp,ExecMainExitTimestamp fake-backup").stdout())
                .matches("ExecMainStartTimestamp=" + TIMESTAMP + "\nExecMainExitTimestamp=" + TIMESTAMP + "\n");

        host.writeFile("/etc/fake-backup.env", "EXIT=3\n");
        ExecResult failed = host.exec("systemctl start fake-backup.service");
        assertThat(failed.exitCode()).isNotZero();
        assertThat(failed.stderr()).contains("Job for fake-backup.service failed");
        assertThat(runs()).isEqualTo(2);
        assertThat(host.exec("systemctl show -p Result,ExecMainStatus,ActiveState fake-backup.service").stdout())
                .isEqualTo("Result=exit-code\nExecMainStatus=3\nActiveState=failed\n");
        assertThat(host.exec("journalctl -u fake-backup -n 20").stdout()).contains("fake-backup exit=3");
    }

    @Test
    void daemonReloadGivesARunningTimerItsNewValues() {
        writeTimer("OnActiveSec=1h");
        host.exec("systemctl daemon-reload && systemctl start fake-backup.timer").requireOk("start timer");
        assertThat(host.exec("systemctl show -p NextElapseUSecRealtime,LastTriggerUSec fake-backup.timer").stdout())
                .as("a monotonic timer has no realtime elapse, and it never triggered")
                .isEqualTo("NextElapseUSecRealtime=\nLastTriggerUSec=\n");
        assertThat(host.exec("systemctl list-timers --no-pager").stdout())
                .containsPattern("(?m)^" + TIMESTAMP + " +(59min \\d+s|1h) left +n/a +n/a +fake-backup\\.timer");

        writeTimer("OnActiveSec=1s\nOnUnitActiveSec=2s");
        host.exec("systemctl daemon-reload").requireOk("daemon-reload");
        assertThat(Wait.until(GENEROUS, () -> runs() >= 2)).as("runs at the reloaded interval").isTrue();
        assertThat(host.exec("systemctl is-active fake-backup.timer").stdout()).isEqualTo("active\n");
    }

    @Test
    void onUnitActiveSecAloneWaitsForAFirstRunAsInSystemd() {
        // units of their own: OnUnitActiveSec= counts from the service's last start, ever
        host.writeFile("/etc/systemd/system/first-backup.service", SERVICE);
        writeTimer("first-backup", "OnUnitActiveSec=2s");
        host.exec("systemctl daemon-reload && systemctl start first-backup.timer").requireOk("start timer");
        assertThat(host.exec("systemctl list-timers --no-pager").stdout())
                .containsPattern("(?m)^n/a +n/a +n/a +n/a +first-backup\\.timer +first-backup\\.service$");

        host.exec("systemctl start first-backup").requireOk("a first run by hand");
        assertThat(Wait.until(GENEROUS, () -> runs() >= 2)).as("the timer takes over after it").isTrue();
        host.exec("systemctl stop first-backup.timer").requireOk("stop timer");
    }

    @Test
    void calendarTimersElapseAtTheNextMatchingTime() {
        writeTimer("OnCalendar=*-*-* 03:00:00\nOnCalendar=*:0/15");
        host.exec("systemctl daemon-reload && systemctl restart fake-backup.timer").requireOk("restart timer");
        String next = host.exec("systemctl show -p NextElapseUSecRealtime --value fake-backup.timer").stdout().trim();
        assertThat(next).matches(TIMESTAMP);
        long now = Long.parseLong(host.exec("date +%s").stdout().trim());
        long at = Long.parseLong(host.exec("date -d '" + next + "' +%s").stdout().trim());
        assertThat(at - now).as("within the quarter hour").isBetween(-1L, 15 * 60L);
        assertThat(Integer.parseInt(host.exec("date -u -d '" + next + "' +%M").stdout().trim()) % 15).isZero();

        writeTimer("OnCalendar=garbage\nOnCalendar=daily");
        host.exec("systemctl daemon-reload").requireOk("daemon-reload");
        // The journal line first: it shows the reloaded timer was read. From 23:45 to midnight the old schedule's
        // next quarter hour is midnight too, so the next elapse alone cannot tell the two apart (CI failed at 23:49).
        assertThat(Wait.until(GENEROUS, () -> host.exec("journalctl -u fake-backup.timer").stdout()
                .contains("Failed to parse OnCalendar=garbage, ignoring"))).as("the bad line named in the journal").isTrue();
        assertThat(Wait.until(GENEROUS, () -> host.exec("systemctl show -p NextElapseUSecRealtime --value"
                + " fake-backup.timer").stdout().contains(" 00:00:00 UTC"))).as("daily: next midnight").isTrue();
    }

    private void writeTimer(String triggers) {
        writeTimer("fake-backup", triggers);
    }

    private void writeTimer(String name, String triggers) {
        host.writeFile("/etc/systemd/system/" + name + ".timer", """
                [Unit]
                Description=fake backup schedule

                [Timer]
                %s
                RandomizedDelaySec=0
                Persistent=true

                [Install]
                WantedBy=timers.target
                """.formatted(triggers));
    }

    private int runs() {
        return (int) host.exec("cat /var/tmp/fake-backup.runs 2>/dev/null").stdout().lines().count();
    }
}
