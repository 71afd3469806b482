# Sourced by the other lab scripts. Constants and small helpers shared by all of them.
# Everything the lab creates lives under these names so cleanup can find it again.

LAB_NET_PREFIX=198.19.77          # RFC 2544 benchmarking range, see lab-and-stack-facts.md
LAB_NET_CIDR=198.19.77.0/24
LAB_BRIDGE=qlab0
LAB_BRIDGE_ADDR=198.19.77.1
LAB_NET6_PREFIX=fd51:9877:77        # a ULA /64 for hosts that enable IPv6: ::N is the host whose IPv4 ends in .N
LAB_STATE=/run/quorum-lab          # live state: which labs exist, their hosts and PIDs
LAB_DISK=/var/tmp/quorum-lab       # overlay upper/work dirs (must be a real fs with xattrs)
LAB_HOST_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

log() { printf '%s [%s] %s\n' "$(date +%H:%M:%S.%3N)" "${0##*/}" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Start time of a process in clock ticks since boot (field 22 of /proc/PID/stat). Recorded with
# every PID we may kill later, so a recycled PID is never mistaken for ours.
proc_start() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }            # drop "pid (comm) " - comm may contain spaces
  set -- $stat
  echo "${20}"
}

# True if PID is alive, started at START, and not a zombie (PID 1 of the sandbox reaps slowly,
# so a zombie counts as gone).
proc_alive() {
  local pid=$1 start=$2 now state
  [ -n "$pid" ] && [ -d "/proc/$pid" ] || return 1
  now=$(proc_start "$pid") || return 1
  [ -z "$start" ] || [ "$now" = "$start" ] || return 1
  state=$(awk '/^State:/ {print $2}' "/proc/$pid/status" 2>/dev/null) || return 1
  [ "$state" != Z ] && [ -n "$state" ]
}

boot_id() { cat /proc/sys/kernel/random/boot_id; }

# Refuse to remove anything outside the lab's own directories.
safe_rm_rf() {
  local p=$1
  case "$p" in
    "$LAB_DISK"/?*|"$LAB_STATE"/?*) ;;
    *) die "refusing to remove '$p' (outside $LAB_DISK and $LAB_STATE)" ;;
  esac
  case "$p" in *..*) die "refusing to remove '$p' (contains ..)" ;; esac
  rm -rf --one-file-system -- "$p"
}

# Bounded wait: wait_until TIMEOUT_SECONDS COMMAND... ; polls every 0.05 s.
wait_until() {
  local deadline=$(( $(date +%s%N) + $1 * 1000000000 )); shift
  while ! "$@" 2>/dev/null; do
    [ "$(date +%s%N)" -lt "$deadline" ] || return 1
    sleep 0.05
  done
}
