#!/bin/sh
# Installed by Quorum: one verified etcd snapshot of this host's own member, then retention.
# Settings: /etc/quorum-backup.env (root only; the S3 secret lives only there).
# Every failure ends the run with exit 1 and one line "quorum-backup: REASON" on stderr;
# nothing half-written is ever named like a backup.
set -u
umask 077
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
config=${QUORUM_BACKUP_ENV:-/etc/quorum-backup.env}

fail() {
  echo "quorum-backup: $*" >&2
  exit 1
}

[ -r "$config" ] || fail "cannot read $config (run: quorum backup schedule)"
set -a
. "$config"
set +a

dir=${QUORUM_BACKUP_DIR:?}
keep=${QUORUM_BACKUP_KEEP:?}
member=${QUORUM_BACKUP_MEMBER:?}
etcdctl=${QUORUM_BACKUP_ETCDCTL:?}
etcdutl=${QUORUM_BACKUP_ETCDUTL:-}
# etcdctl reads these itself; the admin certificate of this host, the member on loopback
ETCDCTL_API=3
ETCDCTL_ENDPOINTS=${QUORUM_BACKUP_ENDPOINT:?}
ETCDCTL_CACERT=${QUORUM_BACKUP_CACERT:?}
ETCDCTL_CERT=${QUORUM_BACKUP_CERT:?}
ETCDCTL_KEY=${QUORUM_BACKUP_KEY:?}
export ETCDCTL_API ETCDCTL_ENDPOINTS ETCDCTL_CACERT ETCDCTL_CERT ETCDCTL_KEY

case $keep in
  '' | *[!0-9]*) fail "QUORUM_BACKUP_KEEP is '$keep', not a number" ;;
esac
[ "$keep" -ge 1 ] || fail "QUORUM_BACKUP_KEEP is $keep: keep at least 1"
mkdir -p "$dir" || fail "cannot create $dir"
chmod 700 "$dir" || fail "cannot restrict $dir to root"

# one run at a time (the timer and a manual run may meet)
if command -v flock >/dev/null 2>&1; then
  exec 9>"$dir/.quorum-backup.lock" || fail "cannot open the lock file in $dir (disk full?)"
  flock -n 9 || fail "another quorum-backup run is still going on this host"
fi

prefix="quorum-backup-$member-"
# a run that died (power loss, kill -9) may have left its partial files: they are ours, never backups
rm -f "$dir/$prefix"*.partial "$dir/$prefix"*.partial.part

stamp=$(date -u +%Y%m%dT%H%M%SZ)
while [ -e "$dir/$prefix$stamp.db" ]; do
  sleep 1
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
done
name="$prefix$stamp"
partial="$dir/$name.db.partial"
manifest_partial="$dir/$name.json.partial"
trap 'rm -f "$partial" "$partial.part" "$manifest_partial"' EXIT
trap 'exit 1' HUP INT TERM

last_line() {
  printf '%s\n' "$1" | sed '/^[[:space:]]*$/d' | tail -n 1
}

out=$("$etcdctl" --command-timeout=120s snapshot save "$partial" 2>&1) \
  || fail "etcdctl snapshot save failed: $(last_line "$out")"

if [ -n "$etcdutl" ] && [ -x "$etcdutl" ]; then
  status=$("$etcdutl" snapshot status -w json "$partial" 2>&1) \
    || fail "etcdutl snapshot status refused the snapshot: $(last_line "$status")"
else
  status=$("$etcdctl" snapshot status -w json "$partial" 2>&1) \
    || fail "etcdctl snapshot status refused the snapshot: $(last_line "$status")"
fi
revision=$(printf '%s' "$status" | sed -n 's/.*"revision":[[:space:]]*\([0-9][0-9]*\).*/\1/p' | head -n 1)
[ -n "$revision" ] || fail "snapshot status gave no revision: $(last_line "$status")"

size=$(wc -c <"$partial" | tr -d ' ') || fail "cannot read the size of $partial"
sha=$(sha256sum "$partial" | cut -d ' ' -f 1)
[ ${#sha} -eq 64 ] || fail "cannot compute the sha256 of $partial"
version=$("$etcdctl" version 2>/dev/null | sed -n 's/^etcdctl version: *//p' | head -n 1)
taken=$(date -u +%Y-%m-%dT%H:%M:%SZ)

printf '{"format":1,"file":"%s","time":"%s","revision":%s,"size":%s,"sha256":"%s","verified":true,"member":"%s","etcd_version":"%s"}\n' \
  "$name.db" "$taken" "$revision" "$size" "$sha" "$member" "$version" >"$manifest_partial" \
  || fail "cannot write the manifest in $dir (disk full?)"
sync "$partial" "$manifest_partial" 2>/dev/null || sync
# the snapshot first, then its manifest: a listing counts a snapshot only with its manifest
mv "$partial" "$dir/$name.db" || fail "cannot rename the verified snapshot in $dir"
mv "$manifest_partial" "$dir/$name.json" || fail "cannot rename the manifest in $dir"
trap - EXIT

# retention: only this member's own backups in this directory, oldest first (the stamp sorts)
count=0
for f in "$dir/$prefix"[0-9]*T[0-9]*Z.db; do
  [ -e "$f" ] && count=$((count + 1))
done
excess=$((count - keep))
for f in "$dir/$prefix"[0-9]*T[0-9]*Z.db; do
  [ "$excess" -gt 0 ] || break
  [ -e "$f" ] || continue
  rm -f "$f" "${f%.db}.json" || fail "cannot delete the old backup $f"
  excess=$((excess - 1))
done

echo "quorum-backup: saved $dir/$name.db (revision $revision, $size bytes, sha256 $sha)"

# off-site: only when /etc/quorum-backup.env names a bucket. The secret goes to curl on stdin
# (-K -), never on its command line where ps would show it.
if [ -n "${QUORUM_BACKUP_S3_ENDPOINT:-}" ]; then
  : "${QUORUM_BACKUP_S3_BUCKET:?}" "${QUORUM_BACKUP_S3_REGION:?}"
  : "${AWS_ACCESS_KEY_ID:?}" "${AWS_SECRET_ACCESS_KEY:?}"
  base="${QUORUM_BACKUP_S3_ENDPOINT%/}/$QUORUM_BACKUP_S3_BUCKET"
  [ -n "${QUORUM_BACKUP_S3_PREFIX:-}" ] && base="$base/${QUORUM_BACKUP_S3_PREFIX%/}"
  for f in "$name.db" "$name.json"; do
    fsha=$(sha256sum "$dir/$f" | cut -d ' ' -f 1)
    out=$(printf 'user = "%s:%s"\n' "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" | curl -sS --fail-with-body \
      -K - --aws-sigv4 "aws:amz:$QUORUM_BACKUP_S3_REGION:s3" \
      -H "x-amz-content-sha256: $fsha" -H "x-amz-meta-sha256: $fsha" \
      -H "x-amz-meta-revision: $revision" -H "x-amz-meta-member: $member" \
      -T "$dir/$f" "$base/$member/$f" 2>&1) \
      || fail "upload of $f to $base/$member/ failed (the local backup is kept): $(last_line "$out")"
  done
  echo "quorum-backup: copied $name to $base/$member/"
fi
