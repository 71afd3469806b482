#!/bin/bash
# lab-host-stop.sh HOST_STATE_DIR [--no-wait] - kills a host's init (PID 1 of its namespaces:
# the kernel then kills every process in it and frees its mounts and network namespace) and
# removes its veth.
set -euo pipefail
here=$(dirname "$0")
. "$here/lab-common.sh"
h=$1
read_pid() { cat "$h/$1" 2>/dev/null || true; }
ipid=$(read_pid init.pid) istart=$(read_pid init.start)
upid=$(read_pid unshare.pid) ustart=$(read_pid unshare.start)
proc_alive "$ipid" "$istart" && kill -KILL "$ipid" 2>/dev/null || true
proc_alive "$upid" "$ustart" && kill -KILL "$upid" 2>/dev/null || true
[ "${2:-}" = --no-wait ] && exit 0

gone() { ! proc_alive "$ipid" "$istart" && ! proc_alive "$upid" "$ustart"; }
wait_until 10 gone || die "host $h: processes $ipid/$upid still alive after 10 s"
veth=$(read_pid veth)
if [ -n "$veth" ] && [ -d "/sys/class/net/$veth" ]; then
  ip link del "$veth" 2>/dev/null || true    # normally gone with the namespace already
fi
addr=$(read_pid address)
[ -z "$addr" ] || ip neigh flush to "$addr" dev "$LAB_BRIDGE" 2>/dev/null || true
rm -f "$h/init.pid" "$h/unshare.pid"
