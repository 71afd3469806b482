"""Unit definitions and runtime state of the lab's systemctl stand-in: where units live, what was
loaded at the last daemon-reload, each unit's state file, the per-unit lock. Shared by the commands
(systemctl.py) and the supervisors (service_supervisor.py, timer_units.py)."""
import fcntl
import json
import os
import socket
import sys
import time

import systemd_time

UNIT_DIRS = ["/etc/systemd/system", "/run/systemd/system", "/usr/local/lib/systemd/system",
             "/usr/lib/systemd/system", "/lib/systemd/system"]
RUN = "/run/quorum-lab-systemd"
LOADED, STATE, NOTIFY, LOCKS = (RUN + "/loaded", RUN + "/state", RUN + "/notify", RUN + "/locks")
# fault injection (lab-fault.sh late-ready): seconds between a service's READY=1 and its unit reporting active
READY_DELAY = RUN + "/ready-delay"
LOG_DIR = "/var/log/quorum-lab"
DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
LIST_KEYS = {"ExecStart", "ExecStartPre", "ExecStartPost", "Environment", "EnvironmentFile",
             "OnCalendar", "OnActiveSec", "OnBootSec", "OnStartupSec", "OnUnitActiveSec",
             "OnUnitInactiveSec"}
ACTIVE_STATES = ("active", "activating", "deactivating")
CHANGED_WARNING = ("Warning: The unit file, source configuration file or drop-ins of {0} changed "
                   "on disk. Run 'systemctl daemon-reload' to reload units.")


# ---------------------------------------------------------------- helpers

def err(msg):
    print(msg, file=sys.stderr)


def unit_name(name):
    return name if "." in name else name + ".service"


def short(unit):
    return unit[:-len(".service")] if unit.endswith(".service") else unit


def parse_seconds(value, default):
    """systemd time spans: '10', '10s', '500ms', '1min 30s', 'infinity' (as 10^9 s, so deadlines
    stay finite numbers); default when empty or unparsable."""
    value = (value or "").strip()
    if value == "infinity":
        return 10 ** 9
    try:
        return systemd_time.parse_timespan(value)
    except ValueError:
        return default


def start_timeout_seconds(service):
    """TimeoutStartSec= (or TimeoutSec=), 90 s by default; 0 turns it off, as infinity does."""
    seconds = parse_seconds(service.get("TimeoutStartSec", service.get("TimeoutSec")), 90)
    return 10 ** 9 if seconds == 0 else seconds


def write_json(path, data):
    tmp = "%s.%d.tmp" % (path, os.getpid())
    with open(tmp, "w") as f:
        json.dump(data, f)
    os.replace(tmp, path)


def read_json(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def proc_start(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return None if fields[0] == "Z" else fields[19]
    except (OSError, IndexError):
        return None


def alive(pid, start):
    return bool(pid) and proc_start(pid) is not None and proc_start(pid) == start


def log_line(unit, text):
    os.makedirs(LOG_DIR, exist_ok=True)
    stamp = time.strftime("%b %d %H:%M:%S")
    with open(os.path.join(LOG_DIR, short(unit) + ".log"), "a") as f:
        f.write("%s %s systemd[1]: %s\n" % (stamp, socket.gethostname(), text))


class Lock:
    """Serialises state changes of one unit between concurrent systemctl calls."""

    def __init__(self, unit):
        os.makedirs(LOCKS, exist_ok=True)
        self.fd = os.open(os.path.join(LOCKS, unit + ".lock"), os.O_CREAT | os.O_RDWR, 0o600)

    def __enter__(self):
        deadline = time.time() + 120
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except BlockingIOError:
                if time.time() > deadline:
                    raise SystemExit("systemctl: unit lock busy for 120 s")
                time.sleep(0.05)

    def __exit__(self, *exc):
        os.close(self.fd)


# ---------------------------------------------------------------- unit files

def sources(unit):
    """Fragment path and drop-ins currently on disk, with a fingerprint of their contents."""
    fragment = next((os.path.join(d, unit) for d in UNIT_DIRS
                     if os.path.isfile(os.path.join(d, unit))), None)
    # as systemd merges them: by file name whatever the directory; a name in /etc masks it in /run
    by_name = {}
    for d in UNIT_DIRS:
        dd = os.path.join(d, unit + ".d")
        if os.path.isdir(dd):
            for f in os.listdir(dd):
                if f.endswith(".conf"):
                    by_name.setdefault(f, os.path.join(dd, f))
    dropins = [by_name[f] for f in sorted(by_name)]
    prints = []
    for p in ([fragment] if fragment else []) + dropins:
        with open(p, "rb") as f:
            prints.append([p, f.read().hex()])
    return fragment, dropins, prints


def parse_unit(paths):
    conf = {}
    for path in paths:
        section, pending = None, ""
        with open(path) as f:
            for raw in f:
                line = pending + raw.rstrip("\n")
                if line.endswith("\\"):
                    pending = line[:-1] + " "
                    continue
                pending = ""
                line = line.strip()
                if not line or line[0] in "#;":
                    continue
                if line.startswith("["):
                    section = line.strip("[]")
                    continue
                if "=" not in line or section is None:
                    continue
                key, value = (s.strip() for s in line.split("=", 1))
                sect = conf.setdefault(section, {})
                if key in LIST_KEYS:
                    sect[key] = [] if value == "" else sect.get(key, []) + [value]
                else:
                    sect[key] = value
    return conf


def load(unit, warn=False):
    """The loaded definition (systemd's in-memory copy), loading from disk on first use."""
    os.makedirs(LOADED, exist_ok=True)
    path = os.path.join(LOADED, unit + ".json")
    loaded = read_json(path)
    fragment, dropins, prints = sources(unit)
    if loaded is None:
        if fragment is None:
            return None
        loaded = {"fragment": fragment, "dropins": dropins, "prints": prints,
                  "conf": parse_unit([fragment] + dropins)}
        write_json(path, loaded)
    elif warn and prints != loaded["prints"]:
        err(CHANGED_WARNING.format(unit))
    return loaded


def daemon_reload():
    """Re-reads, now, every loaded unit plus the admin's units (/etc, /run): the definitions a
    later start uses are those of this moment, whatever is written to disk afterwards."""
    os.makedirs(LOADED, exist_ok=True)
    units = {f[:-5] for f in os.listdir(LOADED) if f.endswith(".json")}
    for d in UNIT_DIRS[:2]:
        if os.path.isdir(d):
            units |= {f for f in os.listdir(d) if f.endswith((".service", ".timer"))
                      and os.path.isfile(os.path.join(d, f))}
    for unit in units:
        path = os.path.join(LOADED, unit + ".json")
        if os.path.exists(path):
            os.unlink(path)
        load(unit)
    return 0


def need_reload(unit, loaded):
    return loaded is not None and sources(unit)[2] != loaded["prints"]


# ---------------------------------------------------------------- runtime state

def state_path(unit):
    return os.path.join(STATE, unit + ".json")


# How long a supervisor just launched may take to record itself: a fresh Python interpreter on a
# loaded machine (CI with lab tests alongside) can take seconds; until then the unit is not "gone".
LAUNCH_GRACE = 30


def get_state(unit):
    """Runtime state; a dead supervisor means the service is gone whatever the file says."""
    st = read_json(state_path(unit)) or {"active": "inactive", "sub": "dead", "n_restarts": 0,
                                          "result": "success", "main_pid": 0}
    if st["active"] in ("active", "activating", "deactivating") and not launching(st) and \
            not alive(st.get("supervisor"), st.get("supervisor_start")):
        st.update(active="failed", sub="failed", result="resources", main_pid=0)
    return st


def launching(st):
    """Launched and not yet recorded by its supervisor, within the grace."""
    return not st.get("supervisor") and time.time() - st.get("launched", 0) < LAUNCH_GRACE


def await_supervisor(unit):
    """Until the launched supervisor recorded itself (or the grace ran out, which get_state then reports)."""
    deadline = time.time() + LAUNCH_GRACE
    while not read_json(state_path(unit)).get("supervisor") and time.time() < deadline:
        time.sleep(0.01)


def set_state(unit, **changes):
    os.makedirs(STATE, exist_ok=True)
    st = read_json(state_path(unit)) or {"n_restarts": 0, "result": "success", "main_pid": 0}
    if "active" in changes and changes["active"] != st.get("active"):
        changes.setdefault("since", time.time())
        # systemd's InactiveExit/InactiveEnter timestamps: timers count OnUnitActiveSec= from them
        was, now = st.get("active") in ACTIVE_STATES, changes["active"] in ACTIVE_STATES
        if was != now:
            edge = "inactive_exit" if now else "inactive_enter"
            changes.setdefault(edge + "_rt", time.time())
            changes.setdefault(edge + "_mono", time.monotonic())
    st.update(changes)
    write_json(state_path(unit), st)
    return st
