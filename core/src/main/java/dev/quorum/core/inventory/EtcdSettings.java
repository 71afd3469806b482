package dev.quorum.core.inventory;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The Kubespray variables Quorum honours, with Kubespray's defaults already applied.
 *
 * @param version           {@code etcd_version}, e.g. {@code v3.4.23}
 * @param downloadUrl       {@code etcd_download_url}; https, file:// or a local path
 * @param binaryChecksum    {@code etcd_binary_checksum}: sha256 of the tarball, hex
 * @param dataDir           {@code etcd_data_dir}
 * @param certDir           {@code etcd_cert_dir}
 * @param binDir            {@code bin_dir}
 * @param heartbeatMillis   {@code etcd_heartbeat_interval}
 * @param electionMillis    {@code etcd_election_timeout}
 * @param certAltNames      {@code etcd_cert_alt_names}: extra DNS names for member certificates
 * @param certAltIps        {@code etcd_cert_alt_ips}: extra IP addresses for member certificates
 * @param clusterToken      initial cluster token ({@code k8s_etcd} as Kubespray)
 * @param architecture      {@code image_arch} / host architecture for the release, e.g. {@code amd64}
 * @param quotaBackendBytes {@code etcd_quota_backend_bytes}: ETCD_QUOTA_BACKEND_BYTES when set, else etcd's
 *                          default ({@link #DEFAULT_QUOTA_BACKEND_BYTES})
 * @param enableV2          {@code etcd_enable_v2} when the inventory sets it: the v2 API (and {@code ETCD_PROXY=off})
 *                          in the env file; empty means the version's default (on for 3.4, off for 3.5; 3.6 has none)
 * @param tuning            the rest of Kubespray's etcd variables: metrics, logging, snapshots, TLS suites, extra env
 *                          entries, certificate lifetime ({@link EtcdTuning})
 * @param layout            which of the hosts' etcd clusters these settings are for: its files, service and ports
 *                          ({@link ClusterLayout}; the main one unless {@link #forEvents} made them)
 */
public record EtcdSettings(
        String version,
        URI downloadUrl,
        Optional<String> binaryChecksum,
        String dataDir,
        String certDir,
        String binDir,
        int heartbeatMillis,
        int electionMillis,
        List<String> certAltNames,
        List<String> certAltIps,
        String clusterToken,
        String architecture,
        Optional<Long> quotaBackendBytes,
        Optional<Boolean> enableV2,
        EtcdTuning tuning,
        ClusterLayout layout) {

    /** Maintained and what Kubespray pairs with Kubernetes 1.35/1.36 ({@link KubeEtcdVersions}). */
    public static final String DEFAULT_VERSION = "v3.6.14";
    public static final String DEFAULT_DATA_DIR = ClusterLayout.MAIN.defaultDataDir();
    public static final String DEFAULT_CERT_DIR = "/etc/ssl/etcd/ssl";
    public static final String DEFAULT_BIN_DIR = "/usr/local/bin";
    public static final int DEFAULT_HEARTBEAT_MILLIS = 250;
    public static final int DEFAULT_ELECTION_MILLIS = 5000;
    public static final String DEFAULT_CLUSTER_TOKEN = "k8s_etcd";
    public static final String DEFAULT_ARCHITECTURE = "amd64";
    /** etcd's own default backend quota (2 GiB) when ETCD_QUOTA_BACKEND_BYTES is not set. */
    public static final long DEFAULT_QUOTA_BACKEND_BYTES = 2L * 1024 * 1024 * 1024;

    public EtcdSettings {
        certAltNames = List.copyOf(certAltNames);
        certAltIps = List.copyOf(certAltIps);
    }

    /** The main cluster's settings. */
    public EtcdSettings(String version, URI downloadUrl, Optional<String> binaryChecksum, String dataDir, String certDir,
                        String binDir, int heartbeatMillis, int electionMillis, List<String> certAltNames,
                        List<String> certAltIps, String clusterToken, String architecture,
                        Optional<Long> quotaBackendBytes, Optional<Boolean> enableV2, EtcdTuning tuning) {
        this(version, downloadUrl, binaryChecksum, dataDir, certDir, binDir, heartbeatMillis, electionMillis,
                certAltNames, certAltIps, clusterToken, architecture, quotaBackendBytes, enableV2, tuning,
                ClusterLayout.MAIN);
    }

    /** With Kubespray's defaults for everything {@link EtcdTuning} holds. */
    public EtcdSettings(String version, URI downloadUrl, Optional<String> binaryChecksum, String dataDir, String certDir,
                        String binDir, int heartbeatMillis, int electionMillis, List<String> certAltNames,
                        List<String> certAltIps, String clusterToken, String architecture,
                        Optional<Long> quotaBackendBytes, Optional<Boolean> enableV2) {
        this(version, downloadUrl, binaryChecksum, dataDir, certDir, binDir, heartbeatMillis, electionMillis,
                certAltNames, certAltIps, clusterToken, architecture, quotaBackendBytes, enableV2, EtcdTuning.DEFAULTS);
    }

    /** Without {@code etcd_enable_v2}: the version's default. */
    public EtcdSettings(String version, URI downloadUrl, Optional<String> binaryChecksum, String dataDir, String certDir,
                        String binDir, int heartbeatMillis, int electionMillis, List<String> certAltNames,
                        List<String> certAltIps, String clusterToken, String architecture,
                        Optional<Long> quotaBackendBytes) {
        this(version, downloadUrl, binaryChecksum, dataDir, certDir, binDir, heartbeatMillis, electionMillis,
                certAltNames, certAltIps, clusterToken, architecture, quotaBackendBytes, Optional.empty());
    }

    /** Without {@code etcd_quota_backend_bytes}: etcd's default quota. */
    public EtcdSettings(String version, URI downloadUrl, Optional<String> binaryChecksum, String dataDir, String certDir,
                        String binDir, int heartbeatMillis, int electionMillis, List<String> certAltNames,
                        List<String> certAltIps, String clusterToken, String architecture) {
        this(version, downloadUrl, binaryChecksum, dataDir, certDir, binDir, heartbeatMillis, electionMillis,
                certAltNames, certAltIps, clusterToken, architecture, Optional.empty());
    }

    /** The same settings with other {@link EtcdTuning}. */
    public EtcdSettings withTuning(EtcdTuning other) {
        return new EtcdSettings(version, downloadUrl, binaryChecksum, dataDir, certDir, binDir, heartbeatMillis,
                electionMillis, certAltNames, certAltIps, clusterToken, architecture, quotaBackendBytes, enableV2, other,
                layout);
    }

    /**
     * The events cluster's settings: the same release, certificates, timings and tuning, its own data dir
     * ({@code etcd_events_data_dir}) and Kubespray's fixed token {@code k8s_events_etcd}.
     */
    public EtcdSettings forEvents(String eventsDataDir) {
        return new EtcdSettings(version, downloadUrl, binaryChecksum, eventsDataDir, certDir, binDir, heartbeatMillis,
                electionMillis, certAltNames, certAltIps, ClusterLayout.EVENTS.defaultToken(), architecture,
                quotaBackendBytes, enableV2, tuning, ClusterLayout.EVENTS);
    }

    /** The quota each member enforces: the configured one, else etcd's default. */
    public long effectiveQuotaBytes() {
        return quotaBackendBytes.orElse(DEFAULT_QUOTA_BACKEND_BYTES);
    }

    /** Kubespray's default download URL: the official GitHub release. */
    public static URI officialDownloadUrl(String version, String architecture) {
        return URI.create("https://github.com/etcd-io/etcd/releases/download/" + version
                + "/etcd-" + version + "-linux-" + architecture + ".tar.gz");
    }
}
