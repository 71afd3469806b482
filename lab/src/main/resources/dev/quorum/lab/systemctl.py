#!/usr/bin/python3
"""systemctl stand-in for quorum lab hosts, which have no systemd.

It honours what etcd's Kubespray unit uses, with systemd's observable behaviour:
- Type=notify: the service gets NOTIFY_SOCKET (unix datagram); `start` returns once READY=1
  arrives (so on the first member of a new etcd cluster it blocks until a quorum is up, as with
  real systemd). `start --no-block` returns at once. Also Type=simple/exec/oneshot.
- EnvironmentFile= (re-read at every start, "-" prefix = optional), Environment=, ExecStart=,
  ExecStartPre=, User=, Group=, WorkingDirectory=, Restart= + RestartSec= (a supervisor process
  per service keeps it running; `stop` stops it for good), LimitNOFILE= (clamped to the hard
  limit: lab hosts have no CAP_SYS_RESOURCE), NotifyAccess=, TimeoutStartSec=/TimeoutStopSec=
  (`show -p TimeoutStartUSec`), KillSignal= (followed by SIGCONT, so a stopped process ends too).
- daemon-reload: the loaded definition is the one read at the last daemon-reload (or first
  load). If the file changed on disk since, commands warn like systemd and use the loaded one.
  (Real systemd also unloads unreferenced inactive units; this stand-in is stricter, which is
  the safe assumption for a tool: always daemon-reload after writing a unit.)
- Drop-ins: NAME.d/*.conf in each unit dir (/etc, /run, ...), read after the fragment in the order of
  their file names whatever the directory (a name in /etc masks the same name in /run); list settings
  append, so a later EnvironmentFile= wins, others take the last file's value; `show -p DropInPaths`
  lists the loaded ones.
- Exit codes as systemd's: is-active 0/3, unknown unit on start/stop 5, status 0/3/4.
- Timers (NAME.timer): OnActiveSec=, OnBootSec=, OnStartupSec=, OnUnitActiveSec=,
  OnUnitInactiveSec=, OnCalendar=, Persistent=, Unit=; a scheduler process per started timer fires
  the unit by itself (rules in timer_schedule.py, syntax in systemd_time.py); list-timers.
  Type=oneshot: `start` blocks until the run ended and `show` has its Result=/ExecMainStatus= and
  ExecMainStartTimestamp=/ExecMainExitTimestamp=. See docs/lab-systemctl.md.
Service stdout/stderr and lifecycle messages go to /var/log/quorum-lab/NAME.log (see journalctl).
"""
import os
import signal
import sys
import time

# its modules (unit store, supervisors, time syntax and timer rules) live beside this script (in the
# lab's resources) and in /usr/lib/quorum-lab on a lab host, where this script is /usr/bin/systemctl
sys.path[:0] = [os.path.dirname(os.path.abspath(__file__)), "/usr/lib/quorum-lab"]
import systemd_time  # noqa: E402
from service_supervisor import supervise  # noqa: E402
from timer_units import (TimerSupervisor, host_clocks, is_timer, is_yes, next_and_last,  # noqa: E402
                         stamp_path, timer_properties, timer_target)
from unit_store import (ACTIVE_STATES, LOADED, LOG_DIR, Lock, STATE, alive, await_supervisor,  # noqa: E402
                        daemon_reload, err, get_state, load, log_line, need_reload, parse_seconds,
                        proc_start, read_json, set_state, short, start_timeout_seconds, state_path,
                        unit_name)

OPTIONS_WITH_ARG = {"-p", "--property", "-s", "--signal", "-n", "--lines", "-t", "--type", "-o",
                    "--output", "-H", "--host", "-M", "--machine", "--state", "--kill-whom",
                    "--job-mode"}


def launch_supervisor(unit):
    """Double fork + setsid: the supervisor outlives this command and the ssh session."""
    pid = os.fork()
    if pid:
        os.waitpid(pid, 0)
        return
    os.setsid()
    if os.fork():
        os._exit(0)
    null = os.open("/dev/null", os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.closerange(3, 65536)
    try:
        # a fresh interpreter, so `ps` shows "systemctl --supervise UNIT" and not the CLI call
        os.execv(sys.executable, [sys.executable, os.path.abspath(__file__), "--supervise", unit])
    finally:
        os._exit(1)


def supervisor_main(unit):
    try:
        set_state(unit, supervisor=os.getpid(), supervisor_start=proc_start(os.getpid()))
        if is_timer(unit):
            TimerSupervisor(unit, lambda target: cmd_start(target, no_block=True)).run()
        else:
            supervise(unit)
    except BaseException as e:  # noqa: record why the service is gone
        log_line(unit, "supervisor failed: %r" % e)
        set_state(unit, active="failed", sub="failed", result="resources", main_pid=0)
    return 0


def cmd_start_timer(unit):
    loaded = load(unit, warn=True)
    if loaded is None:
        err("Failed to start %s: Unit %s not found." % (unit, unit))
        return 5
    target = timer_target(unit, loaded["conf"])
    if load(target) is None:
        err("Failed to start %s: Refusing to start, unit %s to trigger not loaded." % (unit, target))
        return 1
    with Lock(unit):
        if get_state(unit)["active"] in ACTIVE_STATES:
            return 0
        last_rt = None      # systemd forgets the last trigger at start, unless Persistent=true
        stamp = stamp_path(unit)
        if is_yes(loaded["conf"].get("Timer", {}).get("Persistent")) and os.path.exists(stamp) \
                and os.path.getmtime(stamp) < time.time():
            last_rt = os.path.getmtime(stamp)
        set_state(unit, active="active", sub="waiting", result="success", last_trigger_rt=last_rt,
                  last_trigger_mono=None, next_mono=None, next_rt=None, supervisor=0,
                  supervisor_start=None, launched=time.time())
        launch_supervisor(unit)
        await_supervisor(unit)
    return 0


def cmd_list_timers(show_all):
    os.makedirs(LOADED, exist_ok=True)
    units = {f[:-5] for f in os.listdir(LOADED) if f.endswith(".timer.json")}
    if os.path.isdir(STATE):
        units |= {f[:-5] for f in os.listdir(STATE) if f.endswith(".timer.json")}
    clocks, rows = host_clocks(), []
    for unit in units:
        st = get_state(unit)
        if st["active"] not in ACTIVE_STATES and not show_all:
            continue
        nxt, last = next_and_last(unit, st, clocks)
        ago = lambda t, suffix: "%s %s" % (systemd_time.format_timespan(round(abs(t - clocks["now_rt"]))), suffix)
        rows.append((nxt or float("inf"), [
            systemd_time.format_timestamp(nxt) or "n/a", ago(nxt, "left") if nxt else "n/a",
            systemd_time.format_timestamp(last) or "n/a", ago(last, "ago") if last else "n/a",
            unit, timer_target(unit, (load(unit) or {}).get("conf", {}))]))
    table = [["NEXT", "LEFT", "LAST", "PASSED", "UNIT", "ACTIVATES"]] + [r for _, r in sorted(rows)]
    widths = [max(len(row[i]) for row in table) for i in range(6)]
    for row in table:
        print(" ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    print("\n%d timers listed." % len(rows))
    if not show_all:
        print("Pass --all to see loaded but inactive timers, too.")
    return 0


# ---------------------------------------------------------------- commands

def cmd_start(unit, no_block, verb="start"):
    if is_timer(unit):
        return cmd_start_timer(unit)
    loaded = load(unit, warn=True)
    if loaded is None:
        err("Failed to %s %s: Unit %s not found." % (verb, unit, unit))
        return 5
    launched = False
    with Lock(unit):
        st = get_state(unit)
        if st["active"] not in ("active", "activating", "deactivating"):
            launched = True
            set_state(unit, active="activating", sub="start", n_restarts=0, result="success",
                      start_outcome="pending", supervisor=0, supervisor_start=None, launched=time.time())
            launch_supervisor(unit)
            # the supervisor records itself; wait for that so a racing status sees it
            await_supervisor(unit)
    if no_block:
        return 0
    service = loaded["conf"].get("Service", {})
    deadline = time.time() + start_timeout_seconds(service) + 10
    while time.time() < deadline:
        st = get_state(unit)
        # our own start job ends with the first attempt (like systemd's, even with Restart=);
        # joining a start already under way just waits for its end state
        outcome = st.get("start_outcome") if launched else None
        if outcome == "ready" or st["active"] == "active":
            return 0
        if not launched and st["active"] == "inactive" and st.get("result") == "success":
            return 0    # joined a oneshot's run (e.g. the timer's) that ended well
        if outcome == "failed" or st["active"] in ("failed", "inactive"):
            err('Job for %s failed because the control process exited with error code.\n'
                'See "systemctl status %s" and "journalctl -xeu %s" for details.'
                % (unit, unit, unit))
            return 1
        time.sleep(0.05)
    err("Job for %s timed out." % unit)
    return 1


def cmd_stop(unit, verb="stop"):
    loaded = load(unit, warn=True)
    st = get_state(unit)
    if loaded is None and st["active"] == "inactive":
        err("Failed to %s %s: Unit %s not loaded." % (verb, unit, unit))
        return 5
    with Lock(unit):
        st = read_json(state_path(unit)) or {}
        sup, sup_start = st.get("supervisor"), st.get("supervisor_start")
        if alive(sup, sup_start):
            os.kill(sup, signal.SIGTERM)
            service = (loaded or {}).get("conf", {}).get("Service", {})
            deadline = time.time() + parse_seconds(service.get("TimeoutStopSec", service.get(
                "TimeoutSec")), 90) + 10
            while alive(sup, sup_start) and time.time() < deadline:
                time.sleep(0.05)
            if alive(sup, sup_start):
                err("Job for %s timed out." % unit)
                return 1
    return 0


def wanted_by(loaded):
    return loaded["conf"].get("Install", {}).get("WantedBy", "").split()


def enabled_state(unit, loaded):
    if loaded is None:
        return None
    targets = wanted_by(loaded)
    if not targets:
        return "static"
    for t in targets:
        if os.path.lexists(os.path.join("/etc/systemd/system", t + ".wants", unit)):
            return "enabled"
    return "disabled"


def cmd_enable(unit, enable):
    loaded = load(unit)
    if loaded is None:
        err("Failed to %s unit: Unit file %s does not exist." % ("enable" if enable else "disable", unit))
        return 1
    targets = wanted_by(loaded)
    if not targets and enable:
        err("The unit files have no installation config (WantedBy=, RequiredBy=, Also=,\n"
            "Alias= settings in the [Install] section, and DefaultInstance= for template\n"
            "units). This means they are not meant to be enabled or disabled using systemctl.")
    for t in targets:
        wants = os.path.join("/etc/systemd/system", t + ".wants")
        link = os.path.join(wants, unit)
        if enable and not os.path.lexists(link):
            os.makedirs(wants, exist_ok=True)
            os.symlink(loaded["fragment"], link)
            err("Created symlink %s \u2192 %s." % (link, loaded["fragment"]))
        elif not enable and os.path.lexists(link):
            os.unlink(link)
            err('Removed "%s".' % link)
    return 0


def stamp(st, key):
    return systemd_time.format_timestamp(st.get(key))


def properties(unit):
    loaded = load(unit)
    st = get_state(unit)
    conf = (loaded or {}).get("conf", {})
    service = conf.get("Service", {})
    since = st.get("since")
    common = {
        "Id": unit,
        "Names": unit,
        "Description": (loaded or {}).get("conf", {}).get("Unit", {}).get("Description", unit),
        "LoadState": "loaded" if loaded else "not-found",
        "ActiveState": st["active"],
        "SubState": st["sub"],
        "Result": st.get("result", "success"),
        "FragmentPath": (loaded or {}).get("fragment", ""),
        "UnitFileState": enabled_state(unit, loaded) or "",
        "NeedDaemonReload": "yes" if need_reload(unit, loaded) else "no",
        # the drop-ins of the loaded definition (last daemon-reload), not those on disk now
        "DropInPaths": " ".join((loaded or {}).get("dropins", [])),
        "ActiveEnterTimestamp": systemd_time.format_timestamp(since)
        if since and st["active"] == "active" else "",
        "InactiveExitTimestamp": stamp(st, "inactive_exit_rt"),
        "InactiveEnterTimestamp": stamp(st, "inactive_enter_rt"),
    }
    if is_timer(unit):
        return dict(common, **timer_properties(unit, conf, st))
    return dict(common, **{
        "MainPID": str(st.get("main_pid") or 0),
        "ExecMainPID": str(st.get("main_pid") or 0),
        "ExecMainStatus": str(st.get("exec_main_status", 0)),
        "NRestarts": str(st.get("n_restarts", 0)),
        "Type": service.get("Type", "simple"),
        "Restart": service.get("Restart", "no"),
        "ExecMainStartTimestamp": stamp(st, "exec_main_start"),
        "ExecMainExitTimestamp": stamp(st, "exec_main_exit"),
        "TimeoutStartUSec": start_timeout(service),
    })


def start_timeout(service):
    """As systemd shows it: '1min 30s' by default, 'infinity' for infinity or 0 (which turns it off)."""
    seconds = start_timeout_seconds(service)
    return "infinity" if seconds == 10 ** 9 else systemd_time.format_timespan(seconds)


def cmd_show(units, props, value_only):
    for i, unit in enumerate(units):
        if i:
            print()
        all_props = properties(unit)
        for key in props or list(all_props):
            if key in all_props:
                print(all_props[key] if value_only else "%s=%s" % (key, all_props[key]))
    return 0


def cmd_status(unit):
    loaded = load(unit, warn=True)
    st = get_state(unit)
    if loaded is None and st["active"] == "inactive":
        err("Unit %s could not be found." % unit)
        return 4
    p = properties(unit)
    dot = {"active": "\u25cf", "failed": "\u00d7"}.get(st["active"], "\u25cb")
    print("%s %s - %s" % (dot, unit, p["Description"]))
    state = p["UnitFileState"] or "disabled"
    print("     Loaded: %s (%s; %s; preset: enabled)" % (p["LoadState"], p["FragmentPath"], state))
    since = st.get("since")
    when = " since %s; %ds ago" % (time.strftime("%a %Y-%m-%d %H:%M:%S %Z", time.localtime(since)),
                                   time.time() - since) if since else ""
    extra = " (Result: %s)" % st.get("result") if st["active"] == "failed" else ""
    print("     Active: %s (%s)%s%s" % (st["active"], st["sub"], extra, when))
    if is_timer(unit):
        nxt, _ = next_and_last(unit, st, host_clocks())
        print("    Trigger: %s" % (systemd_time.format_timestamp(nxt) or "n/a"))
        print("   Triggers: \u25cf %s" % p["Unit"])
    if st.get("main_pid"):
        print("   Main PID: %s" % st["main_pid"])
    log = os.path.join(LOG_DIR, short(unit) + ".log")
    if os.path.exists(log):
        with open(log, errors="replace") as f:
            tail = f.readlines()[-10:]
        print()
        sys.stdout.write("".join(tail))
    return 0 if st["active"] == "active" else 3


def cmd_cat(unit):
    loaded = load(unit)
    if loaded is None:
        err("No files found for %s." % unit)
        return 1
    for i, path in enumerate([loaded["fragment"]] + loaded["dropins"]):
        if i:
            print()
        print("# " + path)
        with open(path) as f:
            sys.stdout.write(f.read())
    return 0


def cmd_reset_failed(units):
    if not units and os.path.isdir(STATE):
        units = [f[:-5] for f in os.listdir(STATE) if f.endswith(".json")]
    for unit in units:
        with Lock(unit):
            if get_state(unit)["active"] == "failed":
                set_state(unit, active="inactive", sub="dead", result="success", n_restarts=0)
    return 0


def cmd_list_units():
    units = sorted(f[:-5] for f in os.listdir(STATE) if f.endswith(".json")) \
        if os.path.isdir(STATE) else []
    print("  UNIT LOAD ACTIVE SUB DESCRIPTION")
    for unit in units:
        p = properties(unit)
        print("  %s %s %s %s %s" % (unit, p["LoadState"], p["ActiveState"], p["SubState"],
                                    p["Description"]))
    print("\n%d loaded units listed." % len(units))
    return 0


def main(args):
    if args[:1] == ["--supervise"]:       # internal, see launch_supervisor
        return supervisor_main(args[1])
    flags = {a.split("=", 1)[0] for a in args if a.startswith("-")}
    props, words, sig, i = [], [], "SIGTERM", 0
    while i < len(args):
        a = args[i]
        value = None
        if a in OPTIONS_WITH_ARG and i + 1 < len(args):
            value = args[i + 1]
            i += 1
        elif a.startswith("--") and "=" in a:
            a, value = a.split("=", 1)
        elif a[:2] in ("-p", "-s", "-n") and len(a) > 2:
            a, value = a[:2], a[2:]
        if a in ("-p", "--property"):
            props += value.split(",")
        elif a in ("-s", "--signal"):
            sig = value if value.startswith("SIG") else "SIG" + value
        elif not a.startswith("-"):
            words.append(a)
        i += 1
    if "--version" in flags:
        print("systemd 252 (quorum-lab systemctl stand-in)")
        return 0
    if not words:
        return cmd_list_units()
    verb, units = words[0], [unit_name(u) for u in words[1:]]
    quiet = "-q" in flags or "--quiet" in flags
    no_block = "--no-block" in flags
    if verb == "daemon-reload":
        return daemon_reload()
    if verb == "is-system-running":
        print("running")
        return 0
    if verb in ("list-units", "list-unit-files"):
        return cmd_list_units()
    if verb == "list-timers":
        return cmd_list_timers("--all" in flags or "-a" in flags)
    if verb == "reset-failed":
        return cmd_reset_failed(units)
    if verb == "show":
        return cmd_show(units, props, "--value" in flags)
    if not units:
        err("Too few arguments.")
        return 1
    rc = 0
    if verb in ("is-active", "is-failed"):
        states = [get_state(u)["active"] for u in units]
        if not quiet:
            print("\n".join(states))
        if verb == "is-active":
            return 0 if "active" in states else 3
        return 0 if "failed" in states else 1
    for unit in units:
        if verb == "start":
            rc = cmd_start(unit, no_block) or rc   # every unit gets its job, as in systemd
        elif verb == "stop":
            rc = cmd_stop(unit) or rc
        elif verb in ("restart", "try-restart", "reload-or-restart"):
            if verb == "try-restart" and get_state(unit)["active"] != "active":
                continue
            if load(unit) is None:
                err("Failed to restart %s: Unit %s not found." % (unit, unit))
                rc = rc or 5
                continue
            rc = (cmd_stop(unit, "restart") or cmd_start(unit, no_block, "restart")) or rc
        elif verb in ("enable", "disable"):
            changed = cmd_enable(unit, verb == "enable")
            rc = changed or rc
            if "--now" in flags and changed == 0:
                rc = (cmd_start(unit, no_block) if verb == "enable" else cmd_stop(unit)) or rc
        elif verb == "is-enabled":
            state = enabled_state(unit, load(unit))
            if state is None:
                err("Failed to get unit file state for %s: No such file or directory" % unit)
                return 1
            if not quiet:
                print(state)
            rc = rc or (0 if state in ("enabled", "static") else 1)
        elif verb == "status":
            rc = max(rc, cmd_status(unit))
        elif verb == "cat":
            rc = cmd_cat(unit) or rc
        elif verb == "kill":
            pid = get_state(unit).get("main_pid")
            if pid:
                os.killpg(pid, getattr(signal, sig, signal.SIGTERM))
        else:
            err("Unknown command verb %s." % verb)
            return 1
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
