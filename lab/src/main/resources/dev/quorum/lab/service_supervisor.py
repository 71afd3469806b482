"""The service supervisor of the lab's systemctl stand-in: one process per running service that
starts it with its unit's environment, waits for READY=1, restarts it and stops it."""
import os
import re
import resource
import select
import shlex
import signal
import socket
import time

from unit_store import (DEFAULT_PATH, LOG_DIR, NOTIFY, READY_DELAY, get_state, load, log_line, parse_seconds,
                        set_state, short, start_timeout_seconds)


def ready_delay():
    """The late-ready fault: how long systemd takes to act on READY=1 (as under load); 0 without it."""
    try:
        with open(READY_DELAY) as f:
            return min(float(f.read().strip() or 0), 600.0)
    except (OSError, ValueError):
        return 0.0


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
        timeout_start = start_timeout_seconds(self.service)
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
                self.wait_ready_delay()
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

    def wait_ready_delay(self):
        """The late-ready fault: the unit stays activating while the fault's delay (re-read, so prompt-ready ends it)
        has not passed since READY=1, or until a stop."""
        since = time.time()
        while not self.stop_requested and time.time() - since < ready_delay():
            time.sleep(0.05)

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
        """systemd's stop: KillSignal then SIGCONT to the group, SIGKILL after TimeoutStopSec."""
        set_state(self.unit, active="deactivating", sub="stop-sigterm")
        log_line(self.unit, "Stopping %s - %s..." % (self.unit, self.description()))
        sig = getattr(signal, self.service.get("KillSignal", "SIGTERM"), signal.SIGTERM)
        self.kill_group(pid, sig)
        # as systemd does right after the kill signal: a stopped (SIGSTOP) process resumes to act on it
        self.kill_group(pid, signal.SIGCONT)
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
