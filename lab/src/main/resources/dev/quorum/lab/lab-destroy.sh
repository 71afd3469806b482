#!/bin/bash
# lab-destroy.sh LAB_ID [--locked] - stops every host of a lab, removes its veths, upper dirs and
# state, and the bridge when this was the last lab.
set -euo pipefail
here=$(dirname "$0")
. "$here/lab-common.sh"
id=$1
[[ $id =~ ^[a-z0-9-]{1,24}$ ]] || die "bad lab id '$id'"
if [ "${2:-}" != --locked ]; then
  mkdir -p "$LAB_STATE/labs"
  exec 9>"$LAB_STATE/lock"
  flock -w 60 9 || die "could not get $LAB_STATE/lock within 60 s"
fi
labdir=$LAB_STATE/labs/$id

# Kill all inits first, then wait: the hosts die in parallel.
for h in "$labdir"/hosts/*/; do
  [ -d "$h" ] && "$here/lab-host-stop.sh" "${h%/}" --no-wait
done
for h in "$labdir"/hosts/*/; do
  [ -d "$h" ] && "$here/lab-host-stop.sh" "${h%/}"
done
[ -d "$LAB_DISK/$id" ] && safe_rm_rf "$LAB_DISK/$id"
[ -d "$labdir" ] && safe_rm_rf "$labdir"
if [ -z "$(ls -A "$LAB_STATE/labs" 2>/dev/null)" ]; then
  "$here/lab-bridge.sh" down
fi
