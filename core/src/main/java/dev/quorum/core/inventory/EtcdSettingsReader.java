package dev.quorum.core.inventory;

import dev.quorum.core.release.EtcdVersion;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@link EtcdSettings} from the etcd group's variables, with Kubespray's defaults, and validates them. */
final class EtcdSettingsReader {
    private static final Pattern VERSION = Pattern.compile("v?\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.+-]+)?");
    private static final Pattern ARCHITECTURE = Pattern.compile("[a-z0-9_]+");
    /** etcd refuses an election timeout above this many milliseconds. */
    static final int MAX_ELECTION_MILLIS = 50_000;

    private EtcdSettingsReader() {
    }

    static EtcdSettings read(VariableScope scope, LocalPaths paths) {
        String written = writtenVersion(scope);
        if (!VERSION.matcher(written).matches()) {
            throw scope.problem("etcd_version", "is \"" + written + "\", which is not an etcd release version",
                    "Write a release such as " + EtcdSettings.DEFAULT_VERSION);
        }
        String version = written.startsWith("v") ? written : "v" + written;
        String arch = scope.text("image_arch").orElse(EtcdSettings.DEFAULT_ARCHITECTURE);
        if (!ARCHITECTURE.matcher(arch).matches()) {
            throw scope.problem("image_arch", "is \"" + arch + "\", which is not an architecture name",
                    "Use the name etcd releases use: amd64, arm64, ppc64le or s390x");
        }
        URI url = downloadUrl(scope, paths, version, arch);
        Optional<String> checksum = BinaryChecksums.select(scope, versionKeys(written, version), arch)
                .or(() -> isHttp(url) ? KnownReleases.sha256(version, arch) : Optional.empty());
        DownloadUrls.requireChecksumForHttp(url, checksum, scope,
                scope.isSet("etcd_download_url") || !scope.isSet("github_url") ? "etcd_download_url" : "github_url");
        int heartbeat = positiveMillis(scope, "etcd_heartbeat_interval", EtcdSettings.DEFAULT_HEARTBEAT_MILLIS);
        int election = positiveMillis(scope, "etcd_election_timeout", EtcdSettings.DEFAULT_ELECTION_MILLIS);
        checkTimings(scope, heartbeat, election);
        return new EtcdSettings(
                version,
                url,
                checksum,
                absoluteDir(scope, "etcd_data_dir", EtcdSettings.DEFAULT_DATA_DIR),
                absoluteDir(scope, "etcd_cert_dir", EtcdSettings.DEFAULT_CERT_DIR),
                absoluteDir(scope, "bin_dir", EtcdSettings.DEFAULT_BIN_DIR),
                heartbeat,
                election,
                scope.textList("etcd_cert_alt_names"),
                ipList(scope, "etcd_cert_alt_ips"),
                clusterToken(scope),
                arch,
                quotaBytes(scope),
                enableV2(scope, version),
                EtcdTuningReader.read(scope, version));
    }

    /** etcd_version; else Kubespray's choice for kube_version when that is set; else Quorum's default. */
    private static String writtenVersion(VariableScope scope) {
        if (!scope.isSet("etcd_version") && scope.isSet("kube_version")) {
            String kube = scope.text("kube_version").orElse("");
            return KubeEtcdVersions.forKube(kube).orElseThrow(() -> scope.problem("kube_version", "is \""
                    + InventoryRules.shown(kube) + "\", which is not a Kubernetes version, so Quorum cannot pick the "
                    + "etcd release Kubespray pairs with it", "Write it as Kubespray does (kube_version: v1.35.1), or "
                    + "set etcd_version"));
        }
        return scope.text("etcd_version").orElse(EtcdSettings.DEFAULT_VERSION);
    }

    /**
     * A known official release's checksum applies to what comes over the network; a local file is the operator's
     * own tarball (a local build's sha256 differs from the official one).
     */
    private static boolean isHttp(URI url) {
        return "https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme());
    }

    /** etcd 3.6 removed the v2 API and the v2 proxy: a cluster asked for them would not start. */
    private static Optional<Boolean> enableV2(VariableScope scope, String version) {
        Optional<Boolean> wanted = scope.isSet("etcd_enable_v2") ? scope.bool("etcd_enable_v2") : Optional.empty();
        if (wanted.orElse(false) && EtcdVersion.tryParse(version).map(v -> v.isAtLeast(3, 6, 0)).orElse(false)) {
            throw scope.problem("etcd_enable_v2", "is true, but etcd " + version + " has no v2 API (3.6 removed "
                    + "--enable-v2 and the v2 proxy)", "Remove etcd_enable_v2 (or set it to false); clients of the "
                    + "v2 API (old flannel) must move to the v3 API, or stay on etcd 3.5");
        }
        return wanted;
    }

    /** etcd_download_url; else the official release, from {@code github_url} when that is set (a mirror). */
    private static URI downloadUrl(VariableScope scope, LocalPaths paths, String version, String arch) {
        if (scope.isSet("etcd_download_url")) {
            String url = scope.text("etcd_download_url").orElseThrow(() -> scope.problem("etcd_download_url",
                    "is empty", "Remove it to download the official release, or give a URL or a path"));
            return DownloadUrls.parse(url, paths, scope, "etcd_download_url");
        }
        URI official = EtcdSettings.officialDownloadUrl(version, arch);
        if (scope.isSet("github_url")) {
            String base = scope.text("github_url").orElse("https://github.com").replaceAll("/+$", "");
            return DownloadUrls.parse(base + official.toString().substring("https://github.com".length()), paths, scope,
                    "github_url");
        }
        return official;
    }

    private static List<String> versionKeys(String written, String version) {
        List<String> keys = new ArrayList<>(List.of(written));
        if (!keys.contains(version)) {
            keys.add(version);
        }
        String bare = version.substring(1);
        if (!keys.contains(bare)) {
            keys.add(bare);
        }
        return keys;
    }

    /** Kubespray writes it as text ("2147483648"), which does not fit an int: read it as a long. */
    private static Optional<Long> quotaBytes(VariableScope scope) {
        Optional<String> written = scope.text("etcd_quota_backend_bytes");
        if (written.isEmpty()) {
            return Optional.empty();
        }
        String text = written.get();
        if (!text.matches("\\d{1,18}") || Long.parseLong(text) < 1) {
            throw scope.problem("etcd_quota_backend_bytes", "is \"" + text + "\", which is not a positive number of bytes",
                    "Write the quota in bytes, for example etcd_quota_backend_bytes: \"2147483648\" (2 GiB, etcd's "
                            + "default; etcd suggests at most 8 GiB)");
        }
        return Optional.of(Long.parseLong(text));
    }

    private static int positiveMillis(VariableScope scope, String name, int fallback) {
        int millis = scope.integer(name).orElse(fallback);
        if (millis < 1) {
            throw scope.problem(name, "is " + millis + " ms", "Give a positive number of milliseconds");
        }
        return millis;
    }

    private static void checkTimings(VariableScope scope, int heartbeat, int election) {
        if (election < 5 * heartbeat) {
            throw scope.problem("etcd_election_timeout", "is " + election + " ms, less than 5 x etcd_heartbeat_interval ("
                            + heartbeat + " ms = " + 5 * heartbeat + " ms), which etcd refuses",
                    "Raise etcd_election_timeout to at least " + 5 * heartbeat
                            + " or lower etcd_heartbeat_interval (Kubespray's defaults are 5000 and 250)");
        }
        if (election > MAX_ELECTION_MILLIS) {
            throw scope.problem("etcd_election_timeout", "is " + election + " ms, more than the " + MAX_ELECTION_MILLIS
                    + " ms etcd accepts", "Lower etcd_election_timeout to " + MAX_ELECTION_MILLIS + " or less");
        }
    }

    /** The token goes into the env file and onto etcdctl's command line. */
    private static String clusterToken(VariableScope scope) {
        String token = scope.text("etcd_initial_cluster_token").orElse(EtcdSettings.DEFAULT_CLUSTER_TOKEN);
        return scope.checked("etcd_initial_cluster_token", "", token, InventoryRules::clusterToken,
                "Give a token such as " + EtcdSettings.DEFAULT_CLUSTER_TOKEN + " (Kubespray's)");
    }

    /** A directory on the etcd hosts: it reaches shell commands, the env file and the systemd unit. */
    /** {@code etcd_events_data_dir}, checked like {@code etcd_data_dir} (read even while the events cluster is off). */
    static String eventsDataDir(VariableScope scope) {
        return absoluteDir(scope, ClusterLayout.EVENTS_DATA_DIR, ClusterLayout.EVENTS.defaultDataDir());
    }

    private static String absoluteDir(VariableScope scope, String name, String fallback) {
        String dir = scope.text(name).orElse(fallback);
        scope.checked(name, "", dir, InventoryRules::remotePath, dir.startsWith("/")
                ? "Give a plain absolute path on the etcd hosts, for example " + fallback
                : "Give the full path on the etcd hosts, for example " + fallback);
        return dir.length() > 1 && dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    }

    private static List<String> ipList(VariableScope scope, String name) {
        List<String> ips = scope.textList(name);
        for (String ip : ips) {
            if (!IpLiterals.isIpLiteral(ip)) {
                throw scope.problem(name, "contains \"" + ip + "\", which is not an IP address",
                        "Put DNS names in etcd_cert_alt_names and only IP addresses in " + name);
            }
        }
        return ips;
    }
}
