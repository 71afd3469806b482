#!/bin/bash
# lab-host-start.sh LAB_ID NAME CLIENT_PUBKEY HOSTS_FILE - prepares and boots one host of a lab
# created by lab-create.sh, wires its veth to the bridge and waits for its sshd.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lab-common.sh"
id=$1 name=$2 pubkey=$3 hostsfile=$4
h=$LAB_STATE/labs/$id/hosts/$name
hostdir=$LAB_DISK/$id/$name
addr=$(cat "$h/address") veth=$(cat "$h/veth")
peer=qlp${veth#qlh}

# On any failure, show why: the boot log goes away with the lab's teardown.
trap 'rc=$?; if [ $rc -ne 0 ]; then echo "--- $name boot log:" >&2; tail -n 20 "$h/boot.log" >&2 || true; fi' EXIT

"$here/lab-host-prepare.sh" "$name" "$addr" "$hostdir" "$pubkey" "$hostsfile"

# unshare forks the init (PID 1 inside); --kill-child ties it to unshare's life.
unshare --pid --fork --kill-child --mount --uts --ipc --net \
  /bin/bash "$here/lab-host-boot.sh" "$name" "$addr" "$hostdir" </dev/null >>"$h/boot.log" 2>&1 &
upid=$!
echo "$upid" > "$h/unshare.pid"
proc_start "$upid" > "$h/unshare.start" || true

child_of_unshare() { ipid=$(ps -o pid= --ppid "$upid" | tr -d ' '); [ -n "$ipid" ]; }
wait_until 5 child_of_unshare || die "$name: unshare $upid started no init (see $h/boot.log)"
echo "$ipid" > "$h/init.pid"
proc_start "$ipid" > "$h/init.start"

ip link add "$veth" type veth peer name "$peer"
echo 1 > "/proc/sys/net/ipv6/conf/$veth/disable_ipv6" 2>/dev/null || true
ip link set "$veth" master "$LAB_BRIDGE" up
ip link set "$peer" netns "$ipid"
in_host() { nsenter -t "$ipid" -n -- "$@"; }
in_host ip link set "$peer" name eth0
in_host sh -c 'echo 1 > /proc/sys/net/ipv6/conf/eth0/disable_ipv6' 2>/dev/null || true
in_host ip link set lo up
in_host ip addr add "$addr/24" dev eth0
in_host ip link set eth0 up

# The address may have belonged to a host torn down moments ago: drop the root namespace's cached
# MAC for it, else connections go to the dead MAC until the neighbour entry expires (5-45 s).
ip neigh flush to "$addr" dev "$LAB_BRIDGE" 2>/dev/null || true
# Bounded wait for sshd; give up at once if the init died (boot script failed).
ssh_up() { timeout 1 bash -c "exec 3<>/dev/tcp/$addr/22" 2>/dev/null; }
deadline=$(( $(date +%s) + 15 ))
until ssh_up; do
  proc_alive "$ipid" "$(cat "$h/init.start")" || die "$name: init $ipid died during boot"
  [ "$(date +%s)" -lt "$deadline" ] || die "$name: sshd on $addr:22 not reachable within 15 s"
  sleep 0.05
done
log "$name up: $addr (init pid $ipid)"
