#!/bin/bash
# lab-fault.sh LAB_ID HOST ACTION [ARGS...] - fault injection on one lab host.
#   cut-link | heal-link           root-side veth down/up: the host is gone from the network
#   slow-link RATE | unslow-link   token bucket (tc tbf) on the root-side veth: traffic into the host
#                                  is limited to RATE (e.g. 400kbit), as over a thin WAN link
#   cut-peers ADDR... | heal-peers nft table in the host dropping traffic to/from ADDRs (the other
#                                  hosts); the bridge's .1 (the tool) still reaches the host
#   block-from-tool PORT | unblock-from-tool
#                                  nft table in the host dropping TCP to PORT from the bridge's .1
#                                  (the tool) only: the other hosts still reach it, and SSH still works
#   kill NAME [SIGNAL]             pkill -x NAME inside the host (exit 1 if nothing matched)
#   fill-disk DIR | free-disk DIR  a small private tmpfs over DIR (contents copied in), filled up;
#                                  free-disk copies the contents back and unmounts it
#   wipe DIR                       deletes everything inside DIR
#   move-aside PATH                renames PATH to PATH.moved-<time>, prints the new path
#   truncate-files DIR BYTES       truncates every regular file under DIR to BYTES
#   late-ready SECONDS | prompt-ready
#                                  a Type=notify unit reports active SECONDS after its service sent READY=1
#                                  (systemd acting late, as under load): etcd serves clients while its
#                                  unit still says "activating"
#   regen-hostkey                  new sshd host key, sshd restarted; prints the public key
#   enable-ipv6                    IPv6 on the host's eth0 and on the bridge (the tool's side), each with a
#                                  ULA address of the lab's IPv6 prefix and no DAD, router solicitations or
#                                  RAs: only the lab segment hears it; prints the host's address
set -euo pipefail
here=$(dirname "$0")
. "$here/lab-common.sh"
id=$1 name=$2 action=$3
shift 3
h=$LAB_STATE/labs/$id/hosts/$name
[ -d "$h" ] || die "no host $name in lab $id"
ipid=$(cat "$h/init.pid") istart=$(cat "$h/init.start")
proc_alive "$ipid" "$istart" || die "host $name is not running"

# Runs a bash script (stdin) inside the host: its mount, net, pid, uts and ipc namespaces and root.
in_host() {
  nsenter -t "$ipid" -m -u -i -n -p -r -w -- env -i PATH="$LAB_HOST_PATH" LANG=C.UTF-8 HOME=/root \
    /bin/bash -s -- "$@"
}

case "$action" in
  cut-link)  ip link set "$(cat "$h/veth")" down ;;
  heal-link)
    ip link set "$(cat "$h/veth")" up
    # While the link was cut, the root namespace's neighbour entry for the host went FAILED: until it expires,
    # connections fail at once with "No route to host". Drop it, and return once sshd answers again (bounded).
    addr=$(cat "$h/address")
    ip neigh flush to "$addr" dev "$LAB_BRIDGE" 2>/dev/null || true
    ssh_answers() { timeout 1 bash -c "exec 3<>/dev/tcp/$addr/22"; }
    wait_until 10 ssh_answers || die "$name: sshd on $addr:22 not reachable within 10 s of healing its link" ;;
  slow-link)
    [ $# -eq 1 ] || die "slow-link needs a rate such as 400kbit"
    tc qdisc replace dev "$(cat "$h/veth")" root tbf rate "$1" burst 32kb latency 400ms ;;
  unslow-link) tc qdisc del dev "$(cat "$h/veth")" root 2>/dev/null || true ;;
  cut-peers)
    [ $# -gt 0 ] || die "cut-peers needs the peer addresses"
    peers=$(IFS=,; echo "$*")
    in_host "$peers" <<'SH'
set -e
nft delete table inet quorum_lab_cut 2>/dev/null || true
nft -f - <<NFT
table inet quorum_lab_cut {
  set peers { type ipv4_addr; elements = { $1 } }
  chain in  { type filter hook input priority -10; policy accept; ip saddr @peers drop; }
  chain out { type filter hook output priority -10; policy accept; ip daddr @peers drop; }
}
NFT
SH
    ;;
  heal-peers) in_host <<<'nft delete table inet quorum_lab_cut 2>/dev/null || true' ;;
  block-from-tool)
    [ $# -eq 1 ] || die "block-from-tool needs the port"
    in_host "$1" "$LAB_BRIDGE_ADDR" <<'SH'
set -e
tool=$2
nft delete table inet quorum_lab_block 2>/dev/null || true
nft -f - <<NFT
table inet quorum_lab_block {
  chain in { type filter hook input priority -10; policy accept; ip saddr $tool tcp dport $1 drop; }
}
NFT
SH
    ;;
  unblock-from-tool) in_host <<<'nft delete table inet quorum_lab_block 2>/dev/null || true' ;;
  kill) in_host "$1" "${2:-KILL}" <<<'pkill "-$2" -x "$1"' ;;
  fill-disk)
    in_host "$1" <<'SH'
set -e
dir=$1; mkdir -p "$dir"
keep=/run/quorum-lab-fault/$(printf %s "$dir" | md5sum | cut -c1-16)
if [ -d "$keep" ]; then echo "$dir is already filled"; exit 0; fi
mkdir -p "$keep"
mount --bind "$dir" "$keep"                  # the real contents stay reachable for free-disk
size=$(( $(du -sk "$dir" | cut -f1) + 1024 ))
mount -t tmpfs -o "size=${size}k,mode=$(stat -c %a "$dir")" quorum-lab-full "$dir"
cp -a "$keep/." "$dir/"
dd if=/dev/zero of="$dir/.quorum-lab-fill" bs=64k status=none 2>/dev/null || true
SH
    ;;
  free-disk)
    in_host "$1" <<'SH'
set -e
dir=$1
keep=/run/quorum-lab-fault/$(printf %s "$dir" | md5sum | cut -c1-16)
[ -d "$keep" ] || exit 0
rm -f "$dir/.quorum-lab-fill"
find "$keep" -mindepth 1 -delete
cp -a "$dir/." "$keep/"
umount -l "$dir"
umount -l "$keep"
rmdir "$keep"
SH
    ;;
  wipe) in_host "$1" <<<'[ -d "$1" ] && find "$1" -mindepth 1 -delete' ;;
  move-aside)
    in_host "$1" <<<'to="$1.moved-$(date +%s%N)"; mv -- "$1" "$to"; echo "$to"' ;;
  truncate-files)
    in_host "$1" "$2" <<<'find "$1" -type f -exec truncate -s "$2" {} +' ;;
  late-ready)
    [[ $# -eq 1 && $1 =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "late-ready needs seconds such as 2"
    in_host "$1" <<<'mkdir -p /run/quorum-lab-systemd && echo "$1" > /run/quorum-lab-systemd/ready-delay' ;;
  prompt-ready) in_host <<<'rm -f /run/quorum-lab-systemd/ready-delay' ;;
  regen-hostkey)
    in_host <<'SH'
set -e
key=/etc/ssh/lab_host_ed25519_key
rm -f "$key" "$key.pub"
ssh-keygen -q -t ed25519 -N '' -C "root@$(hostname)" -f "$key"
old=$(cat /run/sshd.pid)
kill "$old"
for _ in $(seq 100); do kill -0 "$old" 2>/dev/null || break; sleep 0.05; done
/usr/sbin/sshd
cat "$key.pub"
SH
    ;;
  enable-ipv6)
    last=$(cat "$h/address"); last=${last##*.}
    for conf in accept_dad accept_ra router_solicitations; do
      echo 0 > "/proc/sys/net/ipv6/conf/$LAB_BRIDGE/$conf"
    done
    echo 0 > "/proc/sys/net/ipv6/conf/$LAB_BRIDGE/disable_ipv6"
    # "replace" adds the address or keeps it, so a second host needs no check. The check it replaces,
    # "ip | grep -q" under pipefail, failed at random: grep exits at its match, ip's next write gets SIGPIPE.
    ip -6 addr replace "$LAB_NET6_PREFIX::1/64" dev "$LAB_BRIDGE" nodad
    in_host "$LAB_NET6_PREFIX::$last" <<'SH'
set -e
for conf in accept_dad accept_ra router_solicitations; do echo 0 > "/proc/sys/net/ipv6/conf/eth0/$conf"; done
echo 0 > /proc/sys/net/ipv6/conf/eth0/disable_ipv6
ip -6 addr replace "$1/64" dev eth0 nodad
echo "$1"
SH
    ;;
  *) die "unknown action '$action'" ;;
esac
