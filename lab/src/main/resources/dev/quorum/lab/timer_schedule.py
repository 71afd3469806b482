"""When a timer unit elapses next, by systemd's rules (src/core/timer.c, timer_enter_waiting), for
the lab's systemctl stand-in. Pure: the caller passes the clocks and the recorded timestamps.

- OnActiveSec= counts from the timer's activation, OnBootSec=/OnStartupSec= from the host's boot
  (in a container systemd counts both from its own start; a lab host's start is its init's).
  These are one-time triggers: once the timer has triggered, a value already in the past is done.
  A timer started later than such a value fires at once (as systemd does).
- OnUnitActiveSec=/OnUnitInactiveSec= count from the later of the triggered unit's last
  activation (deactivation) and the timer's last trigger; with neither, they do not elapse at all
  (systemd's well-known trap: a timer with only OnUnitActiveSec= never fires on its own).
- OnCalendar= counts from the last trigger, else the timer's activation; a time already missed
  (Persistent=true brings the last trigger from before the timer's start) is moved to the host's
  start, i.e. fires at once.
RandomizedDelaySec= and AccuracySec= are not applied: the stand-in fires on time, the earliest
moment real systemd may fire.
"""
import systemd_time

MONOTONIC_KEYS = {"OnActiveSec": "active", "OnBootSec": "boot", "OnStartupSec": "boot",
                  "OnUnitActiveSec": "unit-active", "OnUnitInactiveSec": "unit-inactive"}


def values(timer_section, warn):
    """(key, parsed value) for each trigger of a [Timer] section; unparsable ones are reported
    through warn() and skipped, as systemd ignores them."""
    out = []
    for key in list(MONOTONIC_KEYS) + ["OnCalendar"]:
        for raw in timer_section.get(key, []):
            try:
                parsed = systemd_time.parse_calendar(raw) if key == "OnCalendar" \
                    else systemd_time.parse_timespan(raw)
            except ValueError as e:
                warn("Failed to parse %s=%s, ignoring: %s" % (key, raw, e))
                continue
            out.append((key, parsed))
    return out


def next_elapse(triggers, clocks, stamps):
    """(next monotonic elapse, next realtime elapse), each None when there is none.

    clocks: now_mono, now_rt, boot_mono, boot_rt (the host's start on both clocks).
    stamps: timer_active_mono/_rt (when the timer was started), last_trigger_mono/_rt,
    unit_active_mono, unit_inactive_mono (of the triggered unit); absent/0 = never."""
    next_mono = next_rt = None
    triggered = bool(stamps.get("last_trigger_mono") or stamps.get("last_trigger_rt"))
    for key, value in triggers:
        if key == "OnCalendar":
            base = stamps.get("last_trigger_rt") or stamps.get("timer_active_rt") or clocks["now_rt"]
            when = systemd_time.next_calendar(value, base)
            if when is None:
                continue
            when = max(when, clocks["boot_rt"])
            next_rt = when if next_rt is None else min(next_rt, when)
            continue
        kind = MONOTONIC_KEYS[key]
        last = stamps.get("last_trigger_mono") or 0
        if kind == "active":
            base = stamps.get("timer_active_mono") or clocks["now_mono"]
        elif kind == "boot":
            base = clocks["boot_mono"]
        else:
            base = max(stamps.get("unit_%s_mono" % kind.split("-")[1]) or 0, last)
            if base <= 0:
                continue
        when = base + value
        if triggered and when < clocks["now_mono"] and kind in ("active", "boot"):
            continue
        next_mono = when if next_mono is None else min(next_mono, when)
    return next_mono, next_rt


def due(next_mono, next_rt, clocks):
    return (next_mono is not None and clocks["now_mono"] >= next_mono) or \
           (next_rt is not None and clocks["now_rt"] >= next_rt)


def as_realtime(next_mono, next_rt, clocks):
    """The earlier elapse on the wall clock (what list-timers shows as NEXT)."""
    candidates = [t for t in (next_rt, None if next_mono is None else
                              next_mono - clocks["now_mono"] + clocks["now_rt"]) if t is not None]
    return min(candidates) if candidates else None
