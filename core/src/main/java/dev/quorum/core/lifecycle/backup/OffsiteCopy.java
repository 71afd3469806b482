package dev.quorum.core.lifecycle.backup;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where each host uploads its backups, and with which key: plain strings, checked enough to be written safely
 * into the hosts' env file and used unencoded in the hosts' curl requests. The secret never appears in
 * {@link #toString()}.
 *
 * @param url      {@code s3://BUCKET[/PREFIX]}; objects go under PREFIX/&lt;member-name&gt;/
 * @param endpoint the S3 API's base URL, path-style ({@code https://s3.example.net})
 */
public record OffsiteCopy(String url, String endpoint, String region, String accessKeyId, String secretAccessKey) {
    private static final Pattern PREFIX = Pattern.compile("|[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e&&[^\"'\\\\]]+");
    public OffsiteCopy {
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (url == null || !url.startsWith("s3://") || bucket(url).isEmpty()) {
            throw new BackupException("--copy-to is '" + url + "'", "give s3://BUCKET or s3://BUCKET/PREFIX");
        }
        if (endpoint == null || !(endpoint.startsWith("https://") || endpoint.startsWith("http://"))) {
            throw new BackupException("--s3-endpoint is '" + endpoint + "'", "give the S3 API's URL, e.g. https://s3.eu-west-1.amazonaws.com");
        }
        if (region == null || region.isBlank() || accessKeyId == null || accessKeyId.isBlank() || secretAccessKey.isBlank()) {
            throw new BackupException("S3 region or credentials missing",
                    "set AWS_REGION, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY on this workstation");
        }
        if (!PREFIX.matcher(prefix(url)).matches()) {
            // the prefix goes into URLs and a listing's pattern on the hosts, unencoded: plain characters only
            throw new BackupException("the prefix of --copy-to " + url + " has characters other than letters, digits, "
                    + "'.', '_', '-' and single '/'", "use a prefix such as s3://BUCKET/cluster-a/daily");
        }
        if (!REGION.matcher(region).matches()) {
            throw new BackupException("'" + region + "' is not an S3 region", "set AWS_REGION, e.g. us-east-1");
        }
        if (!KEY.matcher(accessKeyId).matches() || !KEY.matcher(secretAccessKey).matches()) {
            // the hosts hand the key to curl in a quoted config line; a quote or backslash would end it early
            throw new BackupException("the access key id or secret holds a space, quote or backslash",
                    "give the hosts an access key of plain characters (AWS keys always are)");
        }
    }

    /** The hosts upload with a long-lived key: one that expires (a session token) would fail every later run. */
    public static OffsiteCopy withoutSession(String url, String endpoint, String region, String accessKeyId,
                                             String secretAccessKey, boolean sessionToken) {
        if (sessionToken) {
            throw new BackupException("the workstation's AWS credentials are temporary (they come with a session "
                    + "token), and the hosts would keep uploading with them after they expire",
                    "give the hosts a long-lived access key: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY of an IAM "
                            + "user allowed s3:ListBucket, s3:PutObject and s3:DeleteObject on the prefix");
        }
        return new OffsiteCopy(url, endpoint, region, accessKeyId, secretAccessKey);
    }

    /** AWS S3 itself when no --s3-endpoint is given: its regional endpoint, which also serves path-style. */
    public static String awsEndpoint(String region) {
        return "https://s3." + region + ".amazonaws.com";
    }

    /** {@code s3://BUCKET/PREFIX/} as the store's location. */
    public String location() {
        return "s3://" + bucket() + "/" + (prefix().isEmpty() ? "" : prefix() + "/");
    }

    public String bucket() {
        return bucket(url);
    }

    public String prefix() {
        return prefix(url);
    }

    private static String prefix(String url) {
        String rest = url.substring("s3://".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/+$", "");
    }

    private static String bucket(String url) {
        String rest = url.substring("s3://".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    @Override
    public String toString() {
        return "OffsiteCopy[" + url + " at " + endpoint + ", region " + region + ", key " + accessKeyId + ", secret hidden]";
    }
}
