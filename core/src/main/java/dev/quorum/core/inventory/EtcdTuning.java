package dev.quorum.core.inventory;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The rest of Kubespray's etcd role variables Quorum honours: server tuning, metrics, logging, TLS suites, extra
 * environment entries and certificate lifetime. Defaults are Kubespray's; a variable whose line Kubespray writes
 * only when it is defined (or whose default equals etcd's own) stays empty here, so an inventory without it
 * renders the env file byte for byte as before and no member restarts for it.
 *
 * @param metrics                     {@code etcd_metrics}: basic or extensive
 * @param listenMetricsUrls           {@code etcd_listen_metrics_urls}: the exact URLs, comma joined in the file
 * @param metricsPort                 {@code etcd_metrics_port}: http on the member's address and 127.0.0.1
 * @param logLevel                    {@code etcd_log_level}
 * @param snapshotCount               {@code etcd_snapshot_count}
 * @param compactionRetention         {@code etcd_compaction_retention}: hours, or a Go duration
 * @param maxRequestBytes             {@code etcd_max_request_bytes}
 * @param maxSnapshots                {@code etcd_max_snapshots} (0 = unlimited)
 * @param maxWals                     {@code etcd_max_wals} (0 = unlimited)
 * @param cipherSuites                {@code etcd_tls_cipher_suites}: Go names; empty = Go's defaults
 * @param initialCorruptCheck         {@code etcd_experimental_initial_corrupt_check}
 * @param watchProgressNotifyInterval {@code etcd_experimental_watch_progress_notify_interval}, a Go duration
 * @param tracing                     {@code etcd_experimental_enable_distributed_tracing} and its three settings
 * @param extraVars                   {@code etcd_extra_vars}: more ETCD_* entries, in the inventory's order
 * @param certificateDays             {@code certificates_duration}: validity of the certificates Quorum issues
 */
public record EtcdTuning(
        String metrics,
        List<URI> listenMetricsUrls,
        OptionalInt metricsPort,
        Optional<String> logLevel,
        int snapshotCount,
        String compactionRetention,
        OptionalLong maxRequestBytes,
        OptionalInt maxSnapshots,
        OptionalInt maxWals,
        List<String> cipherSuites,
        boolean initialCorruptCheck,
        Optional<String> watchProgressNotifyInterval,
        Optional<Tracing> tracing,
        Map<String, String> extraVars,
        int certificateDays) {

    /** What the env file held before these variables were honoured, so those lines keep their values. */
    public static final String DEFAULT_METRICS = "basic";
    public static final int DEFAULT_SNAPSHOT_COUNT = 10_000;
    public static final String DEFAULT_COMPACTION_RETENTION = "8";
    /** Kubespray's {@code certificates_duration}. */
    public static final int DEFAULT_CERTIFICATE_DAYS = 36_500;

    public static final EtcdTuning DEFAULTS = new EtcdTuning(DEFAULT_METRICS, List.of(), OptionalInt.empty(),
            Optional.empty(), DEFAULT_SNAPSHOT_COUNT, DEFAULT_COMPACTION_RETENTION, OptionalLong.empty(),
            OptionalInt.empty(), OptionalInt.empty(), List.of(), true, Optional.empty(), Optional.empty(), Map.of(),
            DEFAULT_CERTIFICATE_DAYS);

    /**
     * Distributed tracing (OpenTelemetry), on only when the inventory turns it on.
     *
     * @param address             {@code etcd_experimental_distributed_tracing_address}, host:port
     * @param samplingRate        {@code etcd_experimental_distributed_tracing_sample_rate}, per million spans
     * @param serviceName         {@code etcd_experimental_distributed_tracing_service_name}
     */
    public record Tracing(String address, int samplingRate, String serviceName) {
        public static final String DEFAULT_ADDRESS = "localhost:4317";
        public static final int DEFAULT_SAMPLING_RATE = 100;
        public static final String DEFAULT_SERVICE_NAME = "etcd";
    }

    public EtcdTuning {
        listenMetricsUrls = List.copyOf(listenMetricsUrls);
        cipherSuites = List.copyOf(cipherSuites);
        extraVars = Collections.unmodifiableMap(new LinkedHashMap<>(extraVars));
    }
}
