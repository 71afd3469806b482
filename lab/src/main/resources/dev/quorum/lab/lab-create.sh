#!/bin/bash
# lab-create.sh LAB_ID COUNT OWNER_PID - registers a new lab: cleans up stale labs, brings the
# bridge up and allocates COUNT addresses. Prints "NAME ADDRESS" per host. Runs under the lab
# lock so concurrent labs (other JVMs) never get the same address.
set -euo pipefail
here=$(dirname "$0")
. "$here/lab-common.sh"
id=$1 count=$2 owner=$3
[[ $id =~ ^[a-z0-9-]{1,24}$ ]] || die "bad lab id '$id'"
[[ $count =~ ^[0-9]+$ ]] && (( count >= 1 && count <= 60 )) || die "bad host count '$count'"

mkdir -p "$LAB_STATE/labs" "$LAB_DISK"
exec 9>"$LAB_STATE/lock"
flock -w 60 9 || die "could not get $LAB_STATE/lock within 60 s"

"$here/lab-cleanup-stale.sh" --locked
"$here/lab-bridge.sh" up

labdir=$LAB_STATE/labs/$id
[ ! -e "$labdir" ] || die "lab $id already exists"
used=$(cat "$LAB_STATE"/labs/*/hosts/*/address 2>/dev/null || true)
mkdir -p "$labdir/hosts"
echo "$owner $(proc_start "$owner") $(boot_id)" > "$labdir/owner"
# Round-robin from after the last address handed out: an address freed a moment ago is reused
# last, which keeps logs unambiguous and stale ARP entries (elsewhere) out of the way.
last=$(cat "$LAB_STATE/last-octet" 2>/dev/null || echo 10)
[[ $last =~ ^[0-9]+$ ]] && (( last >= 10 && last <= 250 )) || last=10
n=0
for octet in $(seq $((last + 1)) 250) $(seq 11 "$last"); do
  (( n < count )) || break
  addr=$LAB_NET_PREFIX.$octet
  grep -qxF "$addr" <<<"$used" && continue
  ip link show "qlh$octet" >/dev/null 2>&1 && continue     # leftover veth: skip its address
  n=$((n + 1))
  mkdir "$labdir/hosts/lab$n"
  echo "$addr" > "$labdir/hosts/lab$n/address"
  echo "qlh$octet" > "$labdir/hosts/lab$n/veth"
  echo "lab$n $addr"
  echo "$octet" > "$LAB_STATE/last-octet"
done
if (( n < count )); then
  safe_rm_rf "$labdir"
  die "only $n free addresses in $LAB_NET_CIDR, $count requested"
fi
