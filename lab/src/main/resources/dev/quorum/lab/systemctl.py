#!/usr/bin/python3
"""systemctl stand-in for quorum lab hosts, which have no systemd.

It honours what etcd's Kubespray unit uses, with systemd's observable behaviour:
- Type=notify: the service gets NOTIFY_SOCKET (unix datagram); `start` returns once READY=1
  arrives (so on the first member of a new etcd cluster it blocks until a quorum is up, as with
  real systemd). `start --no-block` returns at once. Also Type=simple/exec/oneshot.
- EnvironmentFile= (re-read at every start, "-" prefix = optional), Environment=, ExecStart=,
  ExecStartPre=, User=, Group=, WorkingDirectory=, Restart= + RestartSec= (a supervisor process
  per service keeps it running; `stop` stops it for good), LimitNOFILE= (clamped to the hard
  limit: lab hosts have no CAP_SYS_RESOURCE), NotifyAccess=, TimeoutStartSec=/TimeoutStopSec=,
  KillSignal=.
- daemon-reload: the loaded definition is the one read at the last daemon-reload (or first
  load). If the file changed on disk since, commands warn like systemd and use the loaded one.
  (Real systemd also unloads unreferenced inactive units; this stand-in is stricter, which is
  the safe assumption for a tool: always daemon-reload after writing a unit.)
- Drop-ins: NAME.d/*.conf in each unit dir (/etc, /run, ...), read after the fragment (list settings
  append, so a later EnvironmentFile= wins); `show -p DropInPaths` lists the loaded ones.
- Exit codes as systemd's: is-active 0/3, unknown unit on start/stop 5, status 0/3/4.
- Timers (NAME.timer): OnActiveSec=, OnBootSec=, OnStartupSec=, OnUnitActiveSec=,
  OnUnitInactiveSec=, OnCalendar=, Persistent=, Unit=; a scheduler process per started timer fires
  the unit by itself (rules in timer_schedule.py, syntax in systemd_time.py); list-timers.
  Type=oneshot: `start` blocks until the run ended and `show` has its Result=/ExecMainStatus= and
  ExecMainStartTimestamp=/ExecMainExitTimestamp=. See docs/lab-systemctl.md.
Service stdout/stderr and lifecycle messages go to /var/log/quorum-lab/NAME.log (see journalctl).
"""
import fcntl
import json
import os
import re
import resource
import select
import shlex
import signal
import socket
import sys
import time

# the time syntax and timer rules live beside this script (in the lab's resources) and in
# /usr/lib/quorum-lab on a lab host, where this script is /usr/bin/systemctl
sys.path[:0] = [os.path.dirname(os.path.abspath(__file__)), "/usr/lib/quorum-lab"]
import systemd_time  # noqa: E402
import timer_schedule  # noqa: E402

UNIT_DIRS = ["/etc/systemd/system", "/run/systemd/system", "/usr/local/lib/systemd/system",
             "/usr/lib/systemd/system", "/lib/systemd/system"]
RUN = "/run/quorum-lab-systemd"
LOADED, STATE, NOTIFY, LOCKS = (RUN + "/loaded", RUN + "/state", RUN + "/notify", RUN + "/locks")
LOG_DIR = "/var/log/quorum-lab"
DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
LIST_KEYS = {"ExecStart", "ExecStartPre", "ExecStartPost", "Environment", "EnvironmentFile",
             "OnCalendar", "OnActiveSec", "OnBootSec", "OnStartupSec", "OnUnitActiveSec",
             "OnUnitInactiveSec"}
ACTIVE_STATES = ("active", "activating", "deactivating")
OPTIONS_WITH_ARG = {"-p", "--property", "-s", "--signal", "-n", "--lines", "-t", "--type", "-o",
                    "--output", "-H", "--host", "-M", "--machine", "--state", "--kill-whom",
                    "--job-mode"}
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
    dropins = []
    for d in UNIT_DIRS:
        dd = os.path.join(d, unit + ".d")
        if os.path.isdir(dd):
            dropins += [os.path.join(dd, f) for f in sorted(os.listdir(dd)) if f.endswith(".conf")]
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


# ---------------------------------------------------------------- the supervisor

def read_env_files(service):
    env = {}
    for spec in service.get("EnvironmentFile", []):
        optional = spec.startswith("-")
        path = spec.lstrip("-")
        try:
            with open(path) as f:
                lines = f.read().splitlines()
        except OSError:
            if optional:
                continue
            raise
        for line in lines:
            line = line.strip()
            if not line or line[0] in "#;" or "=" not in line:
                continue
            key, value = line.split("=", 1)
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            env[key.strip()] = value
    return env


def build_env(unit, service):
    env = {"PATH": DEFAULT_PATH, "LANG": "C.UTF-8",
           "NOTIFY_SOCKET": os.path.join(NOTIFY, unit + ".sock"),
           "INVOCATION_ID": os.urandom(16).hex()}
    user = service.get("User", "root")
    if "User" in service:
        import pwd
        pw = pwd.getpwnam(user)
        env.update(HOME=pw.pw_dir, USER=user, LOGNAME=user, SHELL=pw.pw_shell)
    for assignment in service.get("Environment", []):
        for pair in shlex.split(assignment):
            if "=" in pair:
                k, v = pair.split("=", 1)
                env[k] = v
    env.update(read_env_files(service))
    return env


def expand_argv(line, env):
    """systemd's ExecStart: prefixes (-@:+!), ${VAR} as one word, $VAR split on whitespace."""
    ignore_failure = False
    while line and line[0] in "-@:+!":
        ignore_failure |= line[0] == "-"
        line = line[1:]
    argv = []
    for word in shlex.split(line):
        if re.fullmatch(r"\$[A-Za-z_][A-Za-z0-9_]*", word):
            argv += env.get(word[1:], "").split()
        else:
            argv.append(re.sub(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}",
                               lambda m: env.get(m.group(1), ""), word))
    return argv, ignore_failure


def spawn(unit, service, argv, env):
    logfd = os.open(os.path.join(LOG_DIR, short(unit) + ".log"),
                    os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    pid = os.fork()
    if pid:
        os.close(logfd)
        return pid
    try:
        os.setsid()
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        null = os.open("/dev/null", os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(logfd, 1)
        os.dup2(logfd, 2)
        os.closerange(3, 65536)
        if "LimitNOFILE" in service:
            soft_hard = service["LimitNOFILE"].split(":")
            _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
            want = [hard if v == "infinity" else min(int(v), hard) for v in soft_hard]
            resource.setrlimit(resource.RLIMIT_NOFILE, (want[0], want[-1]))
        os.chdir(service.get("WorkingDirectory", "/").lstrip("-") or "/")
        user = service.get("User", "root")
        if user not in ("root", "0"):
            import pwd
            import grp
            pw = pwd.getpwnam(user)
            gid = grp.getgrnam(service["Group"]).gr_gid if "Group" in service else pw.pw_gid
            os.setgid(gid)
            os.initgroups(user, gid)
            os.setuid(pw.pw_uid)
        os.execve(argv[0], argv, env)
    except BaseException as e:  # noqa: the child must never return into the supervisor
        os.write(2, ("%s: failed to execute %s: %s\n" % (unit, argv[:1], e)).encode())
        os._exit(203)


def describe_exit(status):
    if os.WIFSIGNALED(status):
        sig = signal.Signals(os.WTERMSIG(status)).name
        return "signal", "code=killed, status=%d/%s" % (os.WTERMSIG(status), sig[3:]), \
               128 + os.WTERMSIG(status)
    code = os.WEXITSTATUS(status)
    return ("success" if code == 0 else "exit-code"), \
        "code=exited, status=%d/%s" % (code, "SUCCESS" if code == 0 else "FAILURE"), code


class Supervisor:
    """One per running service: starts it, waits for READY=1, restarts it, stops it."""

    def __init__(self, unit):
        self.unit = unit
        self.conf = load(unit)["conf"]
        self.service = self.conf.get("Service", {})
        self.type = self.service.get("Type", "simple")
        self.stop_requested = False
        self.first_attempt = True
        self.pending = {}
        signal.signal(signal.SIGTERM, self.on_term)
        os.makedirs(NOTIFY, exist_ok=True)
        self.sock_path = os.path.join(NOTIFY, unit + ".sock")
        if os.path.exists(self.sock_path):
            os.unlink(self.sock_path)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.sock_path)
        os.chmod(self.sock_path, 0o777)   # NotifyAccess=all: any process of the service may send

    def on_term(self, *_):
        self.stop_requested = True

    def start_outcome(self, outcome):
        if self.first_attempt:
            set_state(self.unit, start_outcome=outcome)
            self.first_attempt = False

    def defer_outcome(self, outcome):
        """The start job's end when the attempt is over: recorded in the same write as the
        unit's next state, so a `start` that returns sees its final Result= at once."""
        if self.first_attempt:
            self.pending = {"start_outcome": outcome}
            self.first_attempt = False

    def take_pending(self):
        pending, self.pending = self.pending, {}
        return pending

    def run(self):
        restart = self.service.get("Restart", "no")
        restart_sec = parse_seconds(self.service.get("RestartSec"), 0.1)
        while not self.stop_requested:
            result = self.run_once()
            if self.stop_requested or result is None:
                break
            wanted = restart == "always" or (restart == "on-failure" and result != "success") \
                or (restart == "on-abnormal" and result == "signal")
            if not wanted:
                ok = result == "success"
                set_state(self.unit, active="inactive" if ok else "failed",
                          sub="dead" if ok else "failed", result=result, main_pid=0,
                          **self.take_pending())
                if not ok:
                    log_line(self.unit, "%s: Failed with result '%s'." % (self.unit, result))
                return
            set_state(self.unit, active="activating", sub="auto-restart", result=result, main_pid=0,
                      **self.take_pending())
            deadline = time.time() + restart_sec
            while time.time() < deadline and not self.stop_requested:
                time.sleep(0.05)
            if self.stop_requested:
                break
            n = get_state(self.unit)["n_restarts"] + 1
            set_state(self.unit, n_restarts=n)
            log_line(self.unit, "%s: Scheduled restart job, restart counter is at %d." % (self.unit, n))
        set_state(self.unit, active="inactive", sub="dead", main_pid=0, result="success",
                  **self.take_pending())
        log_line(self.unit, "Stopped %s." % self.unit)

    def run_once(self):
        """Runs the service once. Returns its result, or None when stopped by request."""
        try:
            env = build_env(self.unit, self.service)
        except OSError as e:
            log_line(self.unit, "%s: Failed to load environment files: %s" % (self.unit, e))
            self.defer_outcome("failed")
            return "resources"
        set_state(self.unit, active="activating", sub="start-pre" if self.service.get(
            "ExecStartPre") else "start", main_pid=0)
        timeout_start = parse_seconds(self.service.get("TimeoutStartSec",
                                                       self.service.get("TimeoutSec")), 90)
        for line in self.service.get("ExecStartPre", []):
            argv, ignore = expand_argv(line, env)
            pid = spawn(self.unit, self.service, argv, env)
            status = self.wait_child(pid, time.time() + timeout_start)
            if status is None:
                return None
            if not ignore and describe_exit(status)[0] != "success":
                log_line(self.unit, "%s: Control process exited, %s" % (self.unit, describe_exit(status)[1]))
                self.defer_outcome("failed")
                return "exit-code"
        argv, _ = expand_argv(self.service["ExecStart"][-1], env)
        self.drain_notify()
        pid = spawn(self.unit, self.service, argv, env)
        set_state(self.unit, exec_main_start=time.time(), exec_main_exit=None)
        log_line(self.unit, "Starting %s - %s..." % (self.unit, self.description()))
        ready = self.type not in ("notify", "oneshot")
        if ready:
            set_state(self.unit, active="active", sub="running", main_pid=pid, result="success")
            self.start_outcome("ready")
        else:
            set_state(self.unit, active="activating", sub="start", main_pid=pid)
        deadline = time.time() + timeout_start
        while True:
            if self.stop_requested:
                self.kill(pid)
                return None
            got_ready = self.wait_notify()   # also the loop's 50 ms pause
            if not ready and self.type == "notify" and got_ready:
                ready = True
                set_state(self.unit, active="active", sub="running", result="success")
                log_line(self.unit, "Started %s - %s." % (self.unit, self.description()))
                self.start_outcome("ready")
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if not ready and time.time() > deadline:
                log_line(self.unit, "%s: start operation timed out. Terminating." % self.unit)
                self.kill(pid)
                self.defer_outcome("failed")
                return "timeout"
        result, text, code = describe_exit(status)
        self.kill_group(pid)
        set_state(self.unit, exec_main_status=code, exec_main_exit=time.time(), main_pid=0)
        if self.type == "oneshot" and result == "success":
            self.defer_outcome("ready")
            return result
        log_line(self.unit, "%s: Main process exited, %s" % (self.unit, text))
        if not ready:
            self.defer_outcome("failed")
            return "protocol" if result == "success" and self.type == "notify" else result
        return result

    def description(self):
        return self.conf.get("Unit", {}).get("Description", self.unit)

    def drain_notify(self):
        while select.select([self.sock], [], [], 0)[0]:
            self.sock.recv(4096)

    def wait_notify(self):
        """Waits up to 50 ms for notify messages; True if READY=1 arrived."""
        ready = False
        deadline = time.time() + 0.05
        while True:
            left = deadline - time.time()
            if left <= 0 or not select.select([self.sock], [], [], left)[0]:
                return ready
            msg = self.sock.recv(4096).decode(errors="replace")
            ready |= "READY=1" in msg.split("\n")

    def wait_child(self, pid, deadline):
        while True:
            if self.stop_requested or time.time() > deadline:
                self.kill(pid)
                return None
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return status
            time.sleep(0.05)

    def kill_group(self, pid, sig=signal.SIGKILL):
        try:
            os.killpg(pid, sig)   # KillMode=control-group: take the service's helpers down too
        except OSError:
            pass

    def kill(self, pid):
        """systemd's stop: KillSignal to the group, SIGKILL after TimeoutStopSec."""
        set_state(self.unit, active="deactivating", sub="stop-sigterm")
        log_line(self.unit, "Stopping %s - %s..." % (self.unit, self.description()))
        sig = getattr(signal, self.service.get("KillSignal", "SIGTERM"), signal.SIGTERM)
        self.kill_group(pid, sig)
        deadline = time.time() + parse_seconds(self.service.get(
            "TimeoutStopSec", self.service.get("TimeoutSec")), 90)
        while time.time() < deadline:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.05)
        else:
            log_line(self.unit, "%s: State 'stop-sigterm' timed out. Killing." % self.unit)
            self.kill_group(pid)
            os.waitpid(pid, 0)
        self.kill_group(pid)


def supervise(unit):
    sup = Supervisor(unit)
    try:
        sup.run()
    finally:
        try:
            os.unlink(sup.sock_path)
        except OSError:
            pass


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
            TimerSupervisor(unit).run()
        else:
            supervise(unit)
    except BaseException as e:  # noqa: record why the service is gone
        log_line(unit, "supervisor failed: %r" % e)
        set_state(unit, active="failed", sub="failed", result="resources", main_pid=0)
    return 0


# ---------------------------------------------------------------- timers

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

    def __init__(self, unit):
        self.unit = unit
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
        cmd_start(target, no_block=True)
        return True


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
    deadline = time.time() + parse_seconds(service.get("TimeoutStartSec", service.get(
        "TimeoutSec")), 90) + 10
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
    })


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
