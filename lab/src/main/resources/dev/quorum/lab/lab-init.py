#!/usr/bin/python3
"""PID 1 of a lab host: reaps every orphan (sshd sessions, daemonized services) so nothing
lingers as a zombie. The host ends when the lab kills this process from the root namespace."""
import os
import signal
import sys
import time

signal.signal(signal.SIGTERM, signal.SIG_IGN)   # only the lab (SIGKILL from outside) ends a host
signal.signal(signal.SIGINT, signal.SIG_IGN)
while True:
    try:
        os.wait()
    except ChildProcessError:
        time.sleep(0.2)   # no children right now; orphans may be reparented to us later
    except InterruptedError:
        pass
