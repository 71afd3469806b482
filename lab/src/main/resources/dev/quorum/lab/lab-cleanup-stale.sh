#!/bin/bash
# lab-cleanup-stale.sh [--locked] - removes labs whose owning JVM is gone (crashed run, kill -9),
# their leftover upper dirs, veths, and the bridge when no lab is left.
set -euo pipefail
here=$(dirname "$0")
. "$here/lab-common.sh"
mkdir -p "$LAB_STATE/labs" "$LAB_DISK"
if [ "${1:-}" != --locked ]; then
  exec 9>"$LAB_STATE/lock"
  flock -w 60 9 || die "could not get $LAB_STATE/lock within 60 s"
fi

owner_alive() {
  local pid start boot
  read -r pid start boot < "$1/owner" 2>/dev/null || return 1
  [ "$boot" = "$(boot_id)" ] && proc_alive "$pid" "$start"
}

for labdir in "$LAB_STATE"/labs/*/; do
  [ -d "$labdir" ] || continue
  labdir=${labdir%/}
  owner_alive "$labdir" && continue
  id=${labdir##*/}
  log "removing stale lab $id (owner gone)"
  "$here/lab-destroy.sh" "$id" --locked
done

# Upper dirs whose lab has no state left (e.g. /run was cleared).
for d in "$LAB_DISK"/*/; do
  [ -d "$d" ] || continue
  d=${d%/}
  [ -d "$LAB_STATE/labs/${d##*/}" ] || { log "removing orphan dir $d"; safe_rm_rf "$d"; }
done

if [ -z "$(ls -A "$LAB_STATE/labs")" ]; then
  for link in $(ls /sys/class/net); do
    case "$link" in qlh*) log "removing orphan veth $link"; ip link del "$link" || true ;; esac
  done
  "$here/lab-bridge.sh" down
fi
