package dev.quorum.core.inventory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code etcd_download_url}: an http(s) or file URL, or a plain path on the workstation (made a file URI).
 * Only Java reads it (the workstation downloads, then uploads the tarball), but an http(s) URL is still held
 * to {@link InventoryRules#httpUrl}: no spaces or control characters, a server named.
 */
final class DownloadUrls {
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Set<String> SCHEMES = Set.of("https", "http", "file");

    private DownloadUrls() {
    }

    /** @param name the variable the URL came from: etcd_download_url, or github_url for a mirror */
    static URI parse(String value, LocalPaths paths, VariableScope scope, String name) {
        // lookingAt, not matches(".*"): a line break later in the value must not turn a URL into a local path.
        if (!SCHEME.matcher(value).lookingAt()) {
            return paths.resolve(value).toUri();
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw scope.problem(name, "is \"" + InventoryRules.shown(value) + "\", which is not a valid URL ("
                    + e.getReason() + ")", "Write a URL such as " + EtcdSettings.officialDownloadUrl(
                    EtcdSettings.DEFAULT_VERSION, EtcdSettings.DEFAULT_ARCHITECTURE) + " or a path to the downloaded tarball");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw scope.problem(name, "is \"" + InventoryRules.shown(value) + "\", whose scheme " + scheme
                    + ": Quorum cannot download from", "Use an https:// or http:// URL, a file:// URL, or a plain path to the tarball");
        }
        if (scheme.equals("file")) {
            return uri;
        }
        scope.checked(name, "", value, InventoryRules::httpUrl,
                "Write the full URL, for example https://files.example.com/etcd-v3.5.16-linux-amd64.tar.gz");
        return uri;
    }

    /**
     * Plain http lets anyone on the way swap the tarball; only a checksum makes that harmless, so http without
     * one is refused (a local file or https is trusted as the operator's own choice, and warned about at install).
     */
    static void requireChecksumForHttp(URI url, Optional<String> checksum, VariableScope scope, String name) {
        if ("http".equalsIgnoreCase(url.getScheme()) && checksum.isEmpty()) {
            throw scope.problem(name, "is \"" + url + "\", a plain http:// URL, and no etcd_binary_checksum is set: "
                    + "anyone between this machine and the server could replace the etcd binaries",
                    "Use https://, or set etcd_binary_checksum to the sha256 of the tarball (from the release's "
                            + "SHA256SUMS file)");
        }
    }
}
