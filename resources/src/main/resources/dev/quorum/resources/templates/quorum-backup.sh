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

# off-site: only when /etc/quorum-backup.env names a bucket (decision 0023). The local backup above is
# complete and kept whatever happens here; a failure only makes this run (and the backup health) FAILED.
# The key goes to curl as a config file on stdin (-K -, printf is the shell's own), never on a command line.
[ -n "${QUORUM_BACKUP_S3_ENDPOINT:-}" ] || exit 0
: "${QUORUM_BACKUP_S3_BUCKET:?}" "${QUORUM_BACKUP_S3_REGION:?}" "${AWS_ACCESS_KEY_ID:?}" "${AWS_SECRET_ACCESS_KEY:?}"
# --aws-sigv4 came with curl 7.75, --fail-with-body (the store's error code in the reason) with 7.76
cv=$(curl --version 2>/dev/null | sed -n '1s/^curl \([0-9][0-9]*\)\.\([0-9][0-9]*\).*/\1 \2/p')
[ -n "$cv" ] || fail "no curl on this host: the off-site copy needs curl 7.76 or later (the local backup is kept)"
set -- $cv
if [ "$1" -lt 7 ] || { [ "$1" -eq 7 ] && [ "$2" -lt 76 ]; }; then
  fail "curl $1.$2 is too old for the off-site copy (--aws-sigv4 and --fail-with-body need 7.76 or later); install a newer curl (the local backup is kept)"
fi
empty_sha=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
s3() { # s3 PAYLOAD_SHA256 CURL_ARGS...: one signed request, its body on stdout; fails on any HTTP error
  payload=$1
  shift
  printf 'user = "%s:%s"\n' "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" | curl -sS --fail-with-body \
    --connect-timeout 10 --max-time 3600 -K - --aws-sigv4 "aws:amz:$QUORUM_BACKUP_S3_REGION:s3" \
    -H "x-amz-content-sha256: $payload" "$@" 2>&1
}
why() { # the store's error code, else curl's own last line
  code=$(printf '%s' "$1" | sed -n 's/.*<Code>\([^<]*\)<\/Code>.*/\1/p' | head -n 1)
  if [ -n "$code" ]; then echo "the store answered $code ($(last_line "$1"))"; else last_line "$1"; fi
}
bucket_url="${QUORUM_BACKUP_S3_ENDPOINT%/}/$QUORUM_BACKUP_S3_BUCKET"
keyprefix="${QUORUM_BACKUP_S3_PREFIX:+${QUORUM_BACKUP_S3_PREFIX%/}/}$member/"
where="s3://$QUORUM_BACKUP_S3_BUCKET/$keyprefix"
# One PUT up to the part size; above it a multipart upload (S3 takes at most 5 GiB in one PUT, etcd's
# database may reach 8 GiB): parts of QUORUM_BACKUP_S3_PART_MIB MiB (S3's minimum is 5, except the last part),
# each cut into one scratch file beside the backup (so its sha256 can be signed), decision 0035.
part_mib=${QUORUM_BACKUP_S3_PART_MIB:-512}
case $part_mib in
  '' | *[!0-9]*) fail "QUORUM_BACKUP_S3_PART_MIB is '$part_mib', not a number of MiB" ;;
esac
[ "$part_mib" -ge 1 ] && [ "$part_mib" -le 5120 ] \
  || fail "QUORUM_BACKUP_S3_PART_MIB is $part_mib: give 1 to 5120 MiB (S3 itself takes parts of 5 MiB to 5 GiB)"
part_bytes=$((part_mib * 1048576))
object="$bucket_url/$keyprefix$name.db"
meta() { # the object's metadata headers, the same for one PUT and a multipart upload
  s3 "$@" -H "x-amz-meta-sha256: $sha" -H "x-amz-meta-revision: $revision" -H "x-amz-meta-member: $member"
}
if [ "$size" -le "$part_bytes" ]; then
  out=$(meta "$sha" -T "$dir/$name.db" "$object") \
    || fail "upload of $name.db to $where failed (the local backup is kept): $(why "$out")"
else
  parts=$(((size + part_bytes - 1) / part_bytes))
  [ "$parts" -le 10000 ] || fail "$name.db would take $parts parts of $part_mib MiB (S3 allows 10000): raise QUORUM_BACKUP_S3_PART_MIB (the local backup is kept)"
  scratch="$dir/$name.db.partial.part"
  out=$(meta "$empty_sha" -X POST "$object?uploads=") \
    || fail "upload of $name.db to $where failed at its start (the local backup is kept): $(why "$out")"
  upload=$(printf '%s' "$out" | sed -n 's/.*<UploadId>\([^<]*\)<\/UploadId>.*/\1/p' | head -n 1)
  [ -n "$upload" ] || fail "upload of $name.db to $where failed: the store gave no upload id ($(last_line "$out"))"
  # the id goes into query strings: percent-encode the characters S3's ids may hold, refuse any other
  upload_q=$(printf '%s' "$upload" | sed 's/%/%25/g; s/+/%2B/g; s,/,%2F,g; s/=/%3D/g')
  case $upload_q in *[!A-Za-z0-9._~%-]*) fail "the store's upload id for $name.db has unexpected characters" ;; esac
  abort() { # give up the upload (its parts would cost storage) and say why; the local backup is kept
    rm -f "$scratch"
    s3 "$empty_sha" -X DELETE "$object?uploadId=$upload_q" >/dev/null 2>&1 \
      || echo "quorum-backup: could not abort the multipart upload $upload of $name.db; the store's lifecycle rules or 'aws s3api abort-multipart-upload' remove its parts" >&2
    fail "upload of $name.db to $where failed (the local backup is kept): $*"
  }
  trap 'rm -f "$scratch"' EXIT
  done_xml=""
  i=1
  while [ "$i" -le "$parts" ]; do
    dd if="$dir/$name.db" of="$scratch" bs=1048576 skip=$(((i - 1) * part_mib)) count="$part_mib" 2>/dev/null \
      || abort "cannot cut part $i of $parts into $scratch (disk full?)"
    part_sha=$(sha256sum "$scratch" | cut -d ' ' -f 1)
    [ ${#part_sha} -eq 64 ] || abort "cannot compute the sha256 of part $i"
    out=$(s3 "$part_sha" -D - -T "$scratch" "$object?partNumber=$i&uploadId=$upload_q") \
      || abort "part $i of $parts: $(why "$out")"
    etag=$(printf '%s\n' "$out" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]:[[:space:]]*//p' | head -n 1)
    [ -n "$etag" ] || abort "part $i of $parts: the store gave no ETag"
    case $etag in \"*) ;; *) etag="\"$etag\"" ;; esac
    done_xml="$done_xml<Part><PartNumber>$i</PartNumber><ETag>$etag</ETag></Part>"
    i=$((i + 1))
  done
  printf '<CompleteMultipartUpload>%s</CompleteMultipartUpload>' "$done_xml" >"$scratch" \
    || abort "cannot write the list of parts into $scratch (disk full?)"
  xml_sha=$(sha256sum "$scratch" | cut -d ' ' -f 1)
  out=$(s3 "$xml_sha" -X POST -T "$scratch" "$object?uploadId=$upload_q") || abort "completing: $(why "$out")"
  # S3 may answer 200 and still report an error in the body (a failure after the response started)
  case $out in
    *'<CompleteMultipartUploadResult'*) ;;
    *) abort "completing: $(why "$out")" ;;
  esac
  rm -f "$scratch"
  trap - EXIT
  how=" in $parts parts of $part_mib MiB"
fi
echo "quorum-backup: copied $name.db to $where${how:-}"

# off-site retention: the newest $keep of this member's own objects (named as this script names them, the
# stamp sorts); nothing else under the prefix is touched. One listing page holds 1000 keys (the most kept).
query="list-type=2&max-keys=1000&prefix=$(printf '%s' "$keyprefix$prefix" | sed 's,/,%2F,g')"
listing=$(s3 "$empty_sha" "$bucket_url?$query") \
  || fail "copied, but listing $where for retention failed: $(why "$listing")"
case $listing in
  *'<IsTruncated>true</IsTruncated>'*) fail "more than 1000 objects named $prefix* in $where: retention skipped, delete old ones by hand" ;;
esac
ours=$(printf '%s' "$listing" | sed 's/<Key>/\n<Key>/g' | sed -n 's/^<Key>\([^<]*\)<\/Key>.*/\1/p' \
  | grep -E "^$(printf '%s' "$keyprefix$prefix" | sed 's/[.[\*^$]/\\&/g')[0-9]{8}T[0-9]{6}Z\.db$" | sort)
count=$(printf '%s' "$ours" | grep -c . || true)
excess=$((count - keep))
for key in $ours; do
  [ "$excess" -gt 0 ] || break
  out=$(s3 "$empty_sha" -X DELETE "$bucket_url/$key") \
    || fail "copied, but deleting the old off-site copy s3://$QUORUM_BACKUP_S3_BUCKET/$key failed: $(why "$out")"
  echo "quorum-backup: deleted the old off-site copy s3://$QUORUM_BACKUP_S3_BUCKET/$key"
  excess=$((excess - 1))
done
