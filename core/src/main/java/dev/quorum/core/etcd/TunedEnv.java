package dev.quorum.core.etcd;

import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.EtcdTuning;
import dev.quorum.core.release.EtcdVersion;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The env file's values and lines from {@link EtcdTuning}, as Kubespray's etcd.env.j2 writes them, with the flag
 * names of the etcd version being installed: 3.6 renamed {@code --experimental-watch-progress-notify-interval} and
 * the distributed tracing flags (dropping {@code experimental-}) and 3.7 removed the old names. A line whose variable
 * the inventory does not set is left out, so such an inventory renders the file as before.
 */
final class TunedEnv {
    private TunedEnv() {
    }

    /** The placeholders of the etcd.env template this class fills. */
    static Map<String, String> values(EtcdMember member, EtcdTuning tuning, EtcdVersion version) {
        boolean renamed = version.isAtLeast(3, 6, 0);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("etcd_metrics", tuning.metrics());
        values.put("listen_metrics_urls_line", metricsUrls(member, tuning));
        values.put("etcd_compaction_retention", tuning.compactionRetention());
        values.put("etcd_snapshot_count", Integer.toString(tuning.snapshotCount()));
        StringBuilder lines = new StringBuilder();
        tuning.maxRequestBytes().ifPresent(n -> lines.append("ETCD_MAX_REQUEST_BYTES=").append(n).append('\n'));
        tuning.logLevel().ifPresent(level -> lines.append("ETCD_LOG_LEVEL=").append(level).append('\n'));
        tuning.maxSnapshots().ifPresent(n -> lines.append("ETCD_MAX_SNAPSHOTS=").append(n).append('\n'));
        tuning.maxWals().ifPresent(n -> lines.append("ETCD_MAX_WALS=").append(n).append('\n'));
        values.put("tuning_lines", lines.toString());
        values.put("experimental_lines", experimental(tuning, version, renamed));
        values.put("cipher_suites_line", tuning.cipherSuites().isEmpty() ? ""
                : "ETCD_CIPHER_SUITES=" + String.join(",", tuning.cipherSuites()) + "\n");
        values.put("extra_vars_lines", tuning.extraVars().isEmpty() ? "" : "# Kubespray's etcd_extra_vars\n"
                + tuning.extraVars().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + "\n")
                .collect(Collectors.joining()) + "\n");
        return values;
    }

    /** Every value the lines carry, named for {@link HostFileValues}' last check. */
    static Map<String, String> scalars(EtcdTuning tuning) {
        Map<String, String> scalars = new LinkedHashMap<>();
        scalars.put("etcd_metrics", tuning.metrics());
        scalars.put("etcd_compaction_retention", tuning.compactionRetention());
        tuning.logLevel().ifPresent(level -> scalars.put("etcd_log_level", level));
        scalars.put("etcd_listen_metrics_urls", tuning.listenMetricsUrls().stream().map(URI::toString)
                .collect(Collectors.joining(",")));
        scalars.put("etcd_tls_cipher_suites", String.join(",", tuning.cipherSuites()));
        tuning.watchProgressNotifyInterval().ifPresent(i -> scalars.put("etcd_experimental_watch_progress_notify_interval", i));
        tuning.tracing().ifPresent(t -> {
            scalars.put("etcd_experimental_distributed_tracing_address", t.address());
            scalars.put("etcd_experimental_distributed_tracing_service_name", t.serviceName());
        });
        tuning.extraVars().forEach((key, value) -> {
            scalars.put("etcd_extra_vars." + key, value);
        });
        return scalars;
    }

    private static String metricsUrls(EtcdMember member, EtcdTuning tuning) {
        if (!tuning.listenMetricsUrls().isEmpty()) {
            return "ETCD_LISTEN_METRICS_URLS=" + tuning.listenMetricsUrls().stream().map(URI::toString)
                    .collect(Collectors.joining(",")) + "\n";
        }
        return tuning.metricsPort().stream().mapToObj(port -> "ETCD_LISTEN_METRICS_URLS=http://"
                + bracketed(member.host().bindAddress()) + ":" + port + ",http://127.0.0.1:" + port + "\n").findFirst().orElse("");
    }

    private static String experimental(EtcdTuning tuning, EtcdVersion version, boolean renamed) {
        String prefix = renamed ? "ETCD_" : "ETCD_EXPERIMENTAL_";
        StringBuilder lines = new StringBuilder();
        tuning.watchProgressNotifyInterval().ifPresent(interval -> lines.append(prefix)
                .append("WATCH_PROGRESS_NOTIFY_INTERVAL=").append(interval).append('\n'));
        tuning.tracing().ifPresent(tracing -> {
            if (!version.isAtLeast(3, 5, 0)) {
                throw new IllegalArgumentException("etcd " + version + " has no distributed tracing (3.5 added it)");
            }
            lines.append(prefix).append("ENABLE_DISTRIBUTED_TRACING=true\n")
                    .append(prefix).append("DISTRIBUTED_TRACING_ADDRESS=").append(tracing.address()).append('\n')
                    .append(prefix).append("DISTRIBUTED_TRACING_SAMPLING_RATE=").append(tracing.samplingRate()).append('\n')
                    .append(prefix).append("DISTRIBUTED_TRACING_SERVICE_NAME=").append(tracing.serviceName()).append('\n');
        });
        return lines.toString();
    }

    private static String bracketed(String address) {
        return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
    }
}
