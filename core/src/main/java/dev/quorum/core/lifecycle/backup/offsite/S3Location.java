package dev.quorum.core.lifecycle.backup.offsite;

import java.util.regex.Pattern;

/**
 * Where off-site backups live: a bucket and a key prefix, read from {@code s3://BUCKET/PREFIX}. The
 * prefix is empty or ends with exactly one {@code /}, so {@link #key} never joins two slashes.
 */
public record S3Location(String bucket, String prefix) {
    private static final String SCHEME = "s3://";
    private static final String EXAMPLE = "s3://my-etcd-backups/cluster-a/";
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_FORM = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public S3Location {
        checkBucket(bucket);
        prefix = normalizedPrefix(bucket, prefix);
    }

    public static S3Location parse(String text) {
        if (text == null || !text.startsWith(SCHEME)) {
            throw invalid("'" + text + "' is not an S3 location",
                    "write it as s3://BUCKET/PREFIX, for example " + EXAMPLE);
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? new S3Location(rest, "") : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
    }

    /** The object key of {@code name} under this location; names are single path segments. */
    public String key(String name) {
        if (name == null || name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw invalid("'" + name + "' cannot name a backup under " + this,
                    "use a plain file name without '/' such as snapshot-2026-12-03T0000Z.db");
        }
        return prefix + name;
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + prefix;
    }

    private static void checkBucket(String bucket) {
        String hint = "S3 bucket names are 3-63 characters of lower-case letters, digits, dots and hyphens, starting "
                + "and ending with a letter or digit, for example " + EXAMPLE;
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw invalid("'" + bucket + "' is not a valid S3 bucket name", hint);
        }
        if (bucket.contains("..") || bucket.contains(".-") || bucket.contains("-.")) {
            throw invalid("the bucket name '" + bucket + "' has a dot next to a dot or hyphen", hint);
        }
        if (IP_FORM.matcher(bucket).matches()) {
            throw invalid("the bucket name '" + bucket + "' has the form of an IP address", hint
                    + "; an S3-compatible server's address goes into --s3-endpoint http://HOST:PORT instead");
        }
    }

    private static String normalizedPrefix(String bucket, String prefix) {
        String p = prefix == null ? "" : prefix;
        if (p.isEmpty()) {
            return "";
        }
        String hint = "write the prefix as folder names joined by single '/', for example s3://" + bucket
                + "/cluster-a/daily/";
        if (p.startsWith("/")) {
            throw invalid("the prefix of s3://" + bucket + "/" + p + " starts with '/'", hint);
        }
        String trimmed = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        for (String segment : trimmed.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw invalid("the prefix '" + p + "' has an empty, '.' or '..' part", hint);
            }
        }
        if (trimmed.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            throw invalid("the prefix '" + p.replaceAll("\\p{Cntrl}", "?") + "' has control characters or '\\'",
                    hint);
        }
        return trimmed + "/";
    }

    private static InvalidS3AddressException invalid(String message, String hint) {
        return new InvalidS3AddressException(message, hint);
    }
}
