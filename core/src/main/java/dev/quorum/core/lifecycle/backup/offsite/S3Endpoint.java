package dev.quorum.core.lifecycle.backup.offsite;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which S3 server to talk to: AWS itself (no URL) or an S3-compatible store at a custom URL
 * ({@code --s3-endpoint}), always with path-style addressing there (decision 0023: MinIO, Ceph and
 * s3proxy do not all serve bucket names as host names), and the signing region.
 */
public record S3Endpoint(Optional<URI> url, String region) {
    public static final String DEFAULT_REGION = "us-east-1";
    private static final String HINT = "write it as --s3-endpoint http://HOST:PORT or https://HOST[:PORT], "
            + "for example https://minio.example.org:9000 (leave it out for AWS S3 itself)";
    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public S3Endpoint {
        if (region == null || !REGION.matcher(region).matches()) {
            throw new InvalidS3AddressException("'" + region + "' is not an S3 region",
                    "set AWS_REGION to a region name such as " + DEFAULT_REGION
                            + " (S3-compatible stores usually accept " + DEFAULT_REGION + ")");
        }
    }

    public static S3Endpoint aws(String region) {
        return new S3Endpoint(Optional.empty(), region);
    }

    /** {@code --s3-endpoint} as typed; null or blank means AWS S3 itself. */
    public static S3Endpoint parse(String url, String region) {
        if (url == null || url.isBlank()) {
            return aws(region);
        }
        return new S3Endpoint(Optional.of(checkedUri(url.strip())), region);
    }

    /** Bucket names go into the path, not the host name, on every custom endpoint. */
    public boolean pathStyle() {
        return url.isPresent();
    }

    /** The endpoint as messages name it. */
    public String describe() {
        return url.map(URI::toString).orElse("AWS S3 (" + region + ")");
    }

    private static URI checkedUri(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidS3AddressException("'" + safe(text) + "' is not a URL", HINT);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidS3AddressException("the S3 endpoint '" + safe(text) + "' is not an http or https URL",
                    HINT);
        }
        if (uri.getRawUserInfo() != null) {
            // user info would be a secret in the URL; it is not repeated back
            throw new InvalidS3AddressException("the S3 endpoint has a user name or password in it",
                    HINT + "; credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or AWS_PROFILE");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidS3AddressException("the S3 endpoint '" + text + "' names no host", HINT);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!(path.isEmpty() || path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidS3AddressException("the S3 endpoint '" + text + "' has a path, query or fragment",
                    HINT + "; the bucket and prefix go into s3://BUCKET/PREFIX");
        }
        return URI.create(scheme + "://" + uri.getRawAuthority());
    }

    /** What a URL that did not parse may be shown as: without anything before an '@'. */
    private static String safe(String text) {
        int at = text.lastIndexOf('@');
        return at < 0 ? text : "..." + text.substring(at);
    }
}
