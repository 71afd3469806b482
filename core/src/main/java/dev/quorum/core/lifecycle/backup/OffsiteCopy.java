package dev.quorum.core.lifecycle.backup;

import java.util.Objects;

/**
 * Where each host uploads its backups, and with which key. Kept to plain strings until the workstation's
 * S3 client (lifecycle/backup/offsite) gives its own types; the values are only checked enough to be
 * written safely into the hosts' env file. The secret never appears in {@link #toString()}.
 *
 * @param url      {@code s3://BUCKET[/PREFIX]}; objects go under PREFIX/&lt;member-name&gt;/
 * @param endpoint the S3 API's base URL, path-style ({@code https://s3.example.net})
 */
public record OffsiteCopy(String url, String endpoint, String region, String accessKeyId, String secretAccessKey) {
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
    }

    public String bucket() {
        return bucket(url);
    }

    public String prefix() {
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
