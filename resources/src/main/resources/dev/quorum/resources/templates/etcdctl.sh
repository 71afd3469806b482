#!/bin/sh
# Installed by Quorum: etcdctl as this member's admin, with the settings of /etc/etcd.env.
set -a
. /etc/etcd.env
set +a
exec {{etcdctl}} "$@"
