#!/bin/bash
# lab-host-prepare.sh NAME ADDR HOST_DIR CLIENT_PUBKEY HOSTS_FILE - fills a host's overlay upper
# dir BEFORE it is mounted (writing the upper of a mounted overlay is undefined behaviour).
# Rule: only create a directory in the upper where the base has a real directory; the base's
# /lib, /bin, /sbin are symlinks to usr/... and a directory there would replace the symlink.
set -euo pipefail
here=$(dirname "$0")
. "$here/lab-common.sh"
name=$1 addr=$2 hostdir=$3 pubkey=$4 hostsfile=$5
U=$hostdir/upper
mkdir -p "$U" "$hostdir/work" "$hostdir/merged"

# Create directory PATH (absolute, no symlinks in it on the base) in the upper, copying owner and
# mode from the base so the merged view keeps e.g. /root at 0700.
updir() {
  local path=$1 cur="" part
  local IFS=/
  for part in ${path#/}; do
    cur="$cur/$part"
    if [ -L "$cur" ]; then die "updir $path: base has a symlink at $cur"; fi
    if [ ! -d "$U$cur" ]; then
      mkdir "$U$cur"
      if [ -d "$cur" ]; then
        chown --reference="$cur" "$U$cur"; chmod --reference="$cur" "$U$cur"
      fi
    fi
  done
}

# Put file content from stdin at PATH with MODE (and OWNER, default root).
upfile() {
  local path=$1 mode=$2 owner=${3:-0:0}
  updir "$(dirname "$path")"
  cat > "$U$path"
  chmod "$mode" "$U$path"; chown "$owner" "$U$path"
}

# Hide PATH of the base (overlay whiteout). Resolves symlinked parents (/lib -> /usr/lib).
whiteout() {
  local path=$1 parent
  [ -e "$path" ] || [ -L "$path" ] || return 0
  parent=$(realpath -e "$(dirname "$path")")
  updir "$parent"
  mknod "$U$parent/$(basename "$path")" c 0 0
}

# Make directory PATH empty in the merged view, hiding everything the base has in it.
opaque() {
  updir "$1"
  /usr/bin/python3 -c 'import os, sys; os.setxattr(sys.argv[1], "trusted.overlay.opaque", b"y")' "$U$1"
}

# --- a bare machine: no Debian etcd, none of the base OS's enabled units, no lab internals, no Java
# keystore hook in update-ca-certificates (a JVM per run: ~7 s on four hosts; servers rarely have it)
for p in /usr/bin/etcd /usr/bin/etcdctl /lib/systemd/system/etcd.service \
         /etc/systemd/system/etcd2.service /etc/systemd/system/etcd.service \
         /etc/default/etcd /etc/init.d/etcd /var/lib/etcd /etc/etcd "$LAB_DISK" \
         /etc/ca-certificates/update.d/jks-keystore; do
  whiteout "$p"
done
opaque /etc/systemd/system/multi-user.target.wants

# --- identity
echo "$name" | upfile /etc/hostname 0644
{ printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n'; cat "$hostsfile"; } |
  upfile /etc/hosts 0644

# --- sshd: per-host key, listen on the host's address only
updir /etc/ssh
ssh-keygen -q -t ed25519 -N '' -C "root@$name" -f "$U/etc/ssh/lab_host_ed25519_key"
upfile /etc/ssh/sshd_config.d/00-quorum-lab.conf 0644 <<CONF
# quorum lab host $name
ListenAddress $addr
Port 22
PermitRootLogin prohibit-password
PasswordAuthentication no
HostKey /etc/ssh/lab_host_ed25519_key
CONF

# --- root login with the lab key; root's home as on a fresh Debian (the base's /root holds this
# machine's own tool chains, whose PATH changes would leak into every ssh command)
opaque /root
for f in bashrc profile; do
  src=/usr/share/base-files/dot.$f; [ -f "$src" ] || src=/etc/skel/.$f
  [ -f "$src" ] && upfile "/root/.$f" 0644 < "$src"
done
mkdir -m 0700 "$U/root/.ssh"
upfile /root/.ssh/authorized_keys 0600 < "$pubkey"

# --- a non-root operator with passwordless sudo
uid=$(awk -F: '$3 >= 1000 && $3 < 60000 && $3 > m {m = $3} END {print (m ? m + 1 : 1000)}' /etc/passwd)
gid=$uid
while getent group "$gid" >/dev/null; do gid=$((gid + 1)); done
{ cat /etc/passwd; echo "ops:x:$uid:$gid:quorum lab operator:/home/ops:/bin/bash"; } | upfile /etc/passwd 0644
{ cat /etc/group; echo "ops:x:$gid:"; } | upfile /etc/group 0644
{ cat /etc/shadow; echo "ops:*:19000:0:99999:7:::"; } | upfile /etc/shadow 0640 0:shadow
{ cat /etc/gshadow; echo "ops:!::"; } | upfile /etc/gshadow 0640 0:shadow
updir /home
mkdir -p -m 0700 "$U/home/ops/.ssh"
cp "$pubkey" "$U/home/ops/.ssh/authorized_keys"
chmod 0755 "$U/home/ops"; chmod 0600 "$U/home/ops/.ssh/authorized_keys"
chown -R "$uid:$gid" "$U/home/ops"
echo 'ops ALL=(ALL:ALL) NOPASSWD: ALL' | upfile /etc/sudoers.d/quorum-lab-ops 0440

# --- systemd stand-ins (replace Debian's real but useless binaries, so absolute paths work too)
upfile /usr/bin/systemctl 0755 < "$here/systemctl.py"
upfile /usr/bin/journalctl 0755 < "$here/journalctl.py"
upfile /usr/lib/quorum-lab/lab-init.py 0755 < "$here/lab-init.py"
for m in unit_store.py service_supervisor.py timer_units.py systemd_time.py timer_schedule.py; do   # the stand-in's modules
  upfile "/usr/lib/quorum-lab/$m" 0644 < "$here/$m"
done
