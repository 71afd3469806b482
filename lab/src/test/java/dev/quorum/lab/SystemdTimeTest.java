package dev.quorum.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The systemctl stand-in's time syntax and timer rules (systemd_time.py, timer_schedule.py), run
 * by python3 as on a lab host, without a lab: time spans, calendar events, next elapses.
 */
class SystemdTimeTest {

    @Test
    void timeSpansParseLikeSystemd() {
        assertThat(python("""
                for x in ["5s", "2min", "1h", "1d", "30m", "1h 30min", "1h30min", "90", "500ms", "1w"]:
                    print(x, "=", systemd_time.parse_timespan(x))
                """)).isEqualTo("""
                5s = 5.0
                2min = 120.0
                1h = 3600.0
                1d = 86400.0
                30m = 1800.0
                1h 30min = 5400.0
                1h30min = 5400.0
                90 = 90.0
                500ms = 0.5
                1w = 604800.0
                """);
    }

    @Test
    void badTimeSpansAndCalendarEventsAreRefused() {
        assertThat(python("""
                for f, x in [(systemd_time.parse_timespan, "5x"), (systemd_time.parse_timespan, ""),
                             (systemd_time.parse_calendar, "*-*-* 25:00:00"),
                             (systemd_time.parse_calendar, "*-*-~1"), (systemd_time.parse_calendar, "often")]:
                    try:
                        f(x)
                        print("accepted", repr(x))
                    except ValueError:
                        print("refused", repr(x))
                """)).isEqualTo("""
                refused '5x'
                refused ''
                refused '*-*-* 25:00:00'
                refused '*-*-~1'
                refused 'often'
                """);
    }

    @Test
    void calendarEventsElapseAtTheNextMatchingTime() {
        // after Thu 2026-12-03 23:10:07 UTC
        assertThat(python("""
                after = calendar.timegm((2026, 12, 3, 23, 10, 7, 0, 0, 0))
                for spec in ["minutely", "hourly", "daily", "weekly", "*:0/15", "*:0/5",
                             "*-*-* 02:30:00", "*-*-* 23:10:05", "Mon..Fri 09:00", "2027-01-01", "*:*:0/20"]:
                    nxt = systemd_time.next_calendar(systemd_time.parse_calendar(spec), after)
                    print(spec, "->", systemd_time.format_timestamp(nxt))
                """)).isEqualTo("""
                minutely -> Thu 2026-12-03 23:11:00 UTC
                hourly -> Fri 2026-12-04 00:00:00 UTC
                daily -> Fri 2026-12-04 00:00:00 UTC
                weekly -> Mon 2026-12-07 00:00:00 UTC
                *:0/15 -> Thu 2026-12-03 23:15:00 UTC
                *:0/5 -> Thu 2026-12-03 23:15:00 UTC
                *-*-* 02:30:00 -> Fri 2026-12-04 02:30:00 UTC
                *-*-* 23:10:05 -> Fri 2026-12-04 23:10:05 UTC
                Mon..Fri 09:00 -> Fri 2026-12-04 09:00:00 UTC
                2027-01-01 -> Fri 2027-01-01 00:00:00 UTC
                *:*:0/20 -> Thu 2026-12-03 23:10:20 UTC
                """);
    }

    @Test
    void unitActiveSecCountsFromTheLastRunAndAloneNeverFires() {
        assertThat(python("""
                clocks = {"now_mono": 100.0, "now_rt": 1000.0, "boot_mono": 10.0, "boot_rt": 910.0}
                only_unit = timer_schedule.values({"OnUnitActiveSec": ["5s"]}, print)
                print(timer_schedule.next_elapse(only_unit, clocks, {"timer_active_mono": 90.0}))
                print(timer_schedule.next_elapse(only_unit, clocks, {"unit_active_mono": 97.0}))
                both = timer_schedule.values({"OnActiveSec": ["1s"], "OnUnitActiveSec": ["5s"]}, print)
                print(timer_schedule.next_elapse(both, clocks, {"timer_active_mono": 98.5}))
                print(timer_schedule.next_elapse(both, clocks, {"timer_active_mono": 90.0,
                      "last_trigger_mono": 91.0, "unit_active_mono": 91.2}))
                """)).isEqualTo("""
                (None, None)
                (102.0, None)
                (99.5, None)
                (96.2, None)
                """);
    }

    @Test
    void oneTimeTriggersFireOnceAndLateOnesAtOnce() {
        assertThat(python("""
                clocks = {"now_mono": 100.0, "now_rt": 1000.0, "boot_mono": 10.0, "boot_rt": 910.0}
                boot = timer_schedule.values({"OnBootSec": ["30s"]}, print)
                nxt = timer_schedule.next_elapse(boot, clocks, {"timer_active_mono": 99.0})
                print(nxt, timer_schedule.due(*nxt, clocks))
                print(timer_schedule.next_elapse(boot, clocks, {"timer_active_mono": 99.0, "last_trigger_mono": 99.5}))
                """)).isEqualTo("""
                (40.0, None) True
                (None, None)
                """);
    }

    @Test
    void calendarTimersCountFromTheLastTriggerAndBadValuesAreSkipped() {
        assertThat(python("""
                now = calendar.timegm((2026, 12, 3, 23, 10, 7, 0, 0, 0))
                clocks = {"now_mono": 100.0, "now_rt": now, "boot_mono": 10.0, "boot_rt": now - 90}
                cal = timer_schedule.values({"OnCalendar": ["*:0/5", "nonsense"], "OnUnitActiveSec": ["2x"]}, print)
                _, nxt = timer_schedule.next_elapse(cal, clocks, {"timer_active_rt": now - 1})
                print(systemd_time.format_timestamp(nxt))
                missed = {"timer_active_rt": now - 1, "last_trigger_rt": now - 3600}
                _, late = timer_schedule.next_elapse(cal, clocks, missed)
                print(late == now - 90, timer_schedule.due(None, late, clocks))
                """)).isEqualTo("""
                Failed to parse OnUnitActiveSec=2x, ignoring: invalid time span: '2x'
                Failed to parse OnCalendar=nonsense, ignoring: invalid calendar value: 'nonsense'
                Thu 2026-12-03 23:15:00 UTC
                True True
                """);
    }

    /** Runs a python snippet with the stand-in's modules imported, in UTC; returns its stdout. */
    private static String python(String body) {
        String dir = LabScripts.path("systemd_time.py").getParent().toString();
        LabScripts.path("timer_schedule.py");
        String program = "import calendar, sys\nsys.path.insert(0, " + pyString(dir) + ")\n"
                + "import systemd_time, timer_schedule\n" + body;
        ExecResult r = Commands.run(List.of("env", "TZ=UTC", "python3", "-c", program), 30);
        return r.requireOk("python3").stdout();
    }

    private static String pyString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
