#!/bin/bash
# lab-host-boot.sh NAME ADDR HOST_DIR - runs as PID 1 of a new host's namespaces (started by
# lab-host-start.sh through unshare). Mounts the private root, waits for the network the root
# side configures, starts sshd and becomes the host's init.
set -euo pipefail
name=$1 addr=$2 hostdir=$3
m=$hostdir/merged

mount --make-rprivate /
mount -t overlay overlay -o "lowerdir=/,upperdir=$hostdir/upper,workdir=$hostdir/work" "$m"
mount --rbind /dev "$m/dev"
# pivot onto the overlay; /tmp serves as the put_old dir and gets its own tmpfs afterwards
cd "$m"
pivot_root . tmp
cd /
mount -t proc proc /proc       # umount needs /proc/self/mountinfo
umount -l /tmp
mount -t sysfs sysfs /sys
mount -t tmpfs -o mode=0755,size=64m tmpfs /run
mount -t tmpfs -o mode=1777,size=256m tmpfs /tmp
hostname "$name"
mkdir -p -m 0755 /run/sshd /var/log/quorum-lab

# The root side moves eth0 in and sets its address; wait for it (bounded: 10 s). The output is read whole before
# matching: "ip | grep -q" under pipefail fails when grep exits before ip's last write (SIGPIPE).
eth0_has_addr() { [[ $(ip -4 -o addr show dev eth0 2>/dev/null) == *" $addr/"* ]]; }
for _ in $(seq 200); do
  eth0_has_addr && break
  sleep 0.05
done
eth0_has_addr || { echo "eth0 never got $addr" >&2; exit 1; }

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
/usr/sbin/sshd -t
env -i PATH="$PATH" LANG=C.UTF-8 /usr/sbin/sshd
exec env -i PATH="$PATH" LANG=C.UTF-8 /usr/bin/python3 /usr/lib/quorum-lab/lab-init.py "$name"
