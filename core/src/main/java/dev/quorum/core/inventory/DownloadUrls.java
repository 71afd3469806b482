package dev.quorum.core.inventory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code etcd_download_url}: an http(s) or file URL, or a plain path on the workstation (made a file URI). */
final class DownloadUrls {
    private static final Pattern HAS_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    private static final Set<String> SCHEMES = Set.of("https", "http", "file");
    private static final String NAME = "etcd_download_url";

    private DownloadUrls() {
    }

    static URI parse(String value, LocalPaths paths, VariableScope scope) {
        if (!HAS_SCHEME.matcher(value).matches()) {
            return paths.resolve(value).toUri();
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw scope.problem(NAME, "is \"" + value + "\", which is not a valid URL (" + e.getReason() + ")",
                    "Write a URL such as " + EtcdSettings.officialDownloadUrl(EtcdSettings.DEFAULT_VERSION,
                            EtcdSettings.DEFAULT_ARCHITECTURE) + " or a path to the downloaded tarball");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw scope.problem(NAME, "is \"" + value + "\", whose scheme " + scheme + ": Quorum cannot download from",
                    "Use an https:// or http:// URL, a file:// URL, or a plain path to the tarball");
        }
        if (!scheme.equals("file") && (uri.getHost() == null || uri.getHost().isBlank())) {
            throw scope.problem(NAME, "is \"" + value + "\", which names no server",
                    "Write the full URL, for example https://files.example.com/etcd-v3.5.16-linux-amd64.tar.gz");
        }
        return uri;
    }
}
