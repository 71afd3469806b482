#!/bin/bash
# lab-bridge.sh up|down - the lab's bridge in the root namespace (holds .1, the tool's side).
# "up" refuses when anything other than our own bridge already routes or owns part of the
# lab range: the lab must never shadow a real network.
set -euo pipefail
. "$(dirname "$0")/lab-common.sh"

check_range_free() {
  /usr/bin/python3 - "$LAB_NET_CIDR" "$LAB_BRIDGE" <<'PY'
import ipaddress, subprocess, sys
lab, bridge = ipaddress.ip_network(sys.argv[1]), sys.argv[2]
types = {"unicast", "local", "broadcast", "multicast", "blackhole", "unreachable",
         "prohibit", "throw", "nat", "anycast"}
bad = []
routes = subprocess.run(["ip", "-4", "-o", "route", "show", "table", "all"],
                        capture_output=True, text=True, check=True, timeout=10).stdout
for line in routes.splitlines():
    tok = line.split()
    if tok and tok[0] in types:
        tok = tok[1:]
    if not tok or tok[0] == "default":   # a default route is not a claim on this range
        continue
    try:
        net = ipaddress.ip_network(tok[0], strict=False)
    except ValueError:
        continue
    dev = tok[tok.index("dev") + 1] if "dev" in tok else None
    if net.overlaps(lab) and dev != bridge:
        bad.append("route: " + line.strip())
addrs = subprocess.run(["ip", "-4", "-o", "addr", "show"],
                       capture_output=True, text=True, check=True, timeout=10).stdout
for line in addrs.splitlines():
    tok = line.split()
    dev, cidr = tok[1], tok[3]
    if ipaddress.ip_interface(cidr).network.overlaps(lab) and dev != bridge:
        bad.append("address: " + line.strip())
if bad:
    print("refusing to start the lab: %s is already in use here:\n  %s"
          % (lab, "\n  ".join(bad)), file=sys.stderr)
    sys.exit(1)
PY
}

case "${1:-}" in
  up)
    check_range_free
    if [ -d "/sys/class/net/$LAB_BRIDGE" ]; then
      [ -d "/sys/class/net/$LAB_BRIDGE/bridge" ] || die "$LAB_BRIDGE exists but is not a bridge"
    else
      log "creating bridge $LAB_BRIDGE $LAB_BRIDGE_ADDR/24"
      ip link add "$LAB_BRIDGE" type bridge
      # no IPv6 chatter (router solicitations, DAD) on the lab segment
      echo 1 > "/proc/sys/net/ipv6/conf/$LAB_BRIDGE/disable_ipv6" 2>/dev/null || true
    fi
    ip addr replace "$LAB_BRIDGE_ADDR/24" dev "$LAB_BRIDGE"
    ip link set "$LAB_BRIDGE" up
    ;;
  down)
    if [ -d "/sys/class/net/$LAB_BRIDGE" ]; then
      log "removing bridge $LAB_BRIDGE"
      ip link del "$LAB_BRIDGE"
    fi
    ;;
  *) die "usage: lab-bridge.sh up|down" ;;
esac
