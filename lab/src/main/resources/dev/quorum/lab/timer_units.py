"""Timer units of the lab's systemctl stand-in: the scheduler process of a started timer and the
timer's properties (rules in timer_schedule.py, syntax in systemd_time.py)."""
import os
import signal
import time

import systemd_time
import timer_schedule
from unit_store import (ACTIVE_STATES, get_state, load, log_line, parse_seconds, read_json, set_state,
                        state_path)


def is_timer(unit):
    return unit.endswith(".timer")


def timer_target(unit, conf):
    return conf.get("Timer", {}).get("Unit") or unit[:-len(".timer")] + ".service"


def stamp_path(unit):
    return os.path.join("/var/lib/systemd/timers", "stamp-" + unit)


def is_yes(value):
    return (value or "").strip().lower() in ("yes", "true", "on", "1")


def host_clocks():
    """Now, and the host's start (its init: PID 1 of the host's namespaces), on both clocks."""
    now_mono, now_rt = time.monotonic(), time.time()
    with open("/proc/1/stat") as f:
        boot_mono = int(f.read().rsplit(")", 1)[1].split()[19]) / os.sysconf("SC_CLK_TCK")
    return {"now_mono": now_mono, "now_rt": now_rt, "boot_mono": boot_mono,
            "boot_rt": now_rt - (now_mono - boot_mono)}


def timer_stamps(timer_st, target_st):
    return {"timer_active_mono": timer_st.get("inactive_exit_mono"),
            "timer_active_rt": timer_st.get("inactive_exit_rt"),
            "last_trigger_mono": timer_st.get("last_trigger_mono"),
            "last_trigger_rt": timer_st.get("last_trigger_rt"),
            "unit_active_mono": target_st.get("inactive_exit_mono"),
            "unit_inactive_mono": target_st.get("inactive_enter_mono")}


class TimerSupervisor:
    """One per started timer (systemd's timer unit in PID 1): waits for the next elapse and starts
    the timer's unit in the background, until the timer is stopped. Re-reads the loaded definition
    every round, so the values of a daemon-reload count from then on."""

    def __init__(self, unit, start_unit):
        self.unit = unit
        self.start_unit = start_unit    # starts the timer's unit without waiting (the commands' start)
        self.conf = load(unit)["conf"]
        self.stop_requested = False
        self.warned = set()
        signal.signal(signal.SIGTERM, self.on_term)

    def on_term(self, *_):
        self.stop_requested = True

    def warn(self, text):
        if text not in self.warned:
            self.warned.add(text)
            log_line(self.unit, "%s: %s" % (self.unit, text))

    def run(self):
        shown = None
        while not self.stop_requested:
            self.conf = (load(self.unit) or {}).get("conf", self.conf)
            target = timer_target(self.unit, self.conf)
            st, target_st = read_json(state_path(self.unit)) or {}, get_state(target)
            if st.get("sub") == "running" and target_st["active"] in ACTIVE_STATES:
                time.sleep(0.1)     # systemd waits for the unit to finish before re-arming
                continue
            clocks = host_clocks()
            triggers = timer_schedule.values(self.conf.get("Timer", {}), self.warn)
            nxt = timer_schedule.next_elapse(triggers, clocks, timer_stamps(st, target_st))
            if timer_schedule.due(*nxt, clocks):
                if not self.trigger(target, clocks):
                    return
                continue
            sub = "elapsed" if nxt == (None, None) else "waiting"
            if (sub, nxt) != shown:
                set_state(self.unit, sub=sub, next_mono=nxt[0], next_rt=nxt[1])
                shown = (sub, nxt)
            left = [t - now for t, now in ((nxt[0], clocks["now_mono"]), (nxt[1], clocks["now_rt"]))
                    if t is not None]
            time.sleep(max(0.01, min(left + [0.2])))
        set_state(self.unit, active="inactive", sub="dead", next_mono=None, next_rt=None)
        log_line(self.unit, "Stopped %s - %s." % (self.unit, self.conf.get("Unit", {}).get(
            "Description", self.unit)))

    def trigger(self, target, clocks):
        if load(target) is None:
            log_line(self.unit, "%s: Unit to trigger vanished." % self.unit)
            set_state(self.unit, active="failed", sub="failed", result="resources")
            return False
        set_state(self.unit, sub="running", last_trigger_mono=clocks["now_mono"],
                  last_trigger_rt=clocks["now_rt"])
        if is_yes(self.conf.get("Timer", {}).get("Persistent")):
            os.makedirs(os.path.dirname(stamp_path(self.unit)), exist_ok=True)
            with open(stamp_path(self.unit), "a"):
                pass
            os.utime(stamp_path(self.unit), (clocks["now_rt"], clocks["now_rt"]))
        log_line(self.unit, "%s: Triggering %s." % (self.unit, target))
        self.start_unit(target)
        return True


def timer_properties(unit, conf, st):
    timer = conf.get("Timer", {})
    active = st["active"] in ACTIVE_STATES
    next_mono = st.get("next_mono") if active else None
    return {
        "Unit": timer_target(unit, conf),
        "NextElapseUSecRealtime": systemd_time.format_timestamp(st.get("next_rt") if active else None),
        "NextElapseUSecMonotonic": systemd_time.format_timespan(next_mono if next_mono or not active else 0),
        "LastTriggerUSec": systemd_time.format_timestamp(st.get("last_trigger_rt")),
        "LastTriggerUSecMonotonic": systemd_time.format_timespan(st.get("last_trigger_mono") or 0),
        "Persistent": "yes" if is_yes(timer.get("Persistent")) else "no",
        "RandomizedDelayUSec": systemd_time.format_timespan(parse_seconds(timer.get("RandomizedDelaySec"), 0)),
    }


def next_and_last(unit, st, clocks):
    active = st["active"] in ACTIVE_STATES
    nxt = timer_schedule.as_realtime(st.get("next_mono"), st.get("next_rt"), clocks) if active else None
    return nxt, st.get("last_trigger_rt")
