#!/usr/bin/env bash
# Installs the Debian packages Quorum's build and tests need, only those that are missing.
set -euo pipefail
packages=(
  openjdk-17-jdk-headless maven           # build
  etcd-server etcd-client                 # real etcd for the lab hosts (hidden inside them; Quorum installs its own copy)
  openssh-server openssh-client           # sshd on every lab host; ssh/ssh-keygen for tests
  nftables iproute2 util-linux procps     # lab network, namespaces, fault injection
  python3 sudo openssl ca-certificates    # systemctl stand-in, non-root SSH users, certificate checks
  zstd                                    # lab hosts unpack the release's zstd repack (decision 0062)
  xvfb libgtk-3-0 libxtst6 libgl1 libglx-mesa0 libgl1-mesa-dri   # the desktop app under Xvfb
  fakeroot xdg-utils x11-utils            # jpackage's .deb (fakeroot), its desktop entry (xdg-utils), xwininfo for the package test
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "Debian packages: all present"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "missing packages and no apt-get: ${missing[*]}" >&2
  exit 1
fi
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
