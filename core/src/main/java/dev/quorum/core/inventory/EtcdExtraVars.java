package dev.quorum.core.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code etcd_extra_vars}: more {@code KEY=value} lines for {@code /etc/etcd.env}, as Kubespray appends them. A key
 * must be an environment variable name and must not be one Quorum writes itself (a second line would silently win
 * over Quorum's, and the life-cycles rely on those); a value must need no quoting, since systemd reads the file and
 * {@code sh} sources it.
 */
final class EtcdExtraVars {
    static final String NAME = "etcd_extra_vars";
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    /** Keys Quorum writes, and the variable to use instead where there is one. */
    private static final Map<String, String> OWN = ownKeys();

    private EtcdExtraVars() {
    }

    static Map<String, String> read(VariableScope scope) {
        Object value = scope.value(NAME);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw scope.problem(NAME, "is a " + Values.typeName(value) + ", but Kubespray reads it as a mapping",
                    "Write it as a mapping of names to values, for example " + NAME + ": {ETCD_EXPERIMENTAL_MAX_LEARNERS: "
                            + "\"2\"}, or remove it");
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (!ENV_NAME.matcher(key).matches()) {
                throw scope.problem(NAME, "has the key \"" + InventoryRules.shown(key) + "\", which is not an "
                        + "environment variable name", "Use letters, digits and underscores, not starting with a "
                        + "digit, for example ETCD_EXPERIMENTAL_MAX_LEARNERS");
            }
            if (OWN.containsKey(key)) {
                String instead = OWN.get(key);
                throw scope.problem(NAME, "sets " + key + ", which Quorum writes itself", instead.isEmpty()
                        ? "Remove it from " + NAME + ": Quorum's life-cycles depend on that line"
                        : "Remove it from " + NAME + " and set " + instead + " instead");
            }
            out.put(key, value(scope, key, v));
        });
        return out;
    }

    private static String value(VariableScope scope, String key, Object v) {
        if (v == null || v instanceof Map || v instanceof List) {
            throw scope.problem(NAME, "gives " + key + (v == null ? " no value" : " a " + Values.typeName(v))
                    + ", but each entry is one line "
                    + "KEY=value", "Give " + key + " a single value, for example " + key + ": \"true\"");
        }
        String text = v instanceof Boolean b ? b.toString() : String.valueOf(v).trim();
        Optional<String> fault = EtcdEnvValues.fault(text);
        if (fault.isPresent()) {
            throw scope.problem(NAME, "gives " + key + " the value \"" + InventoryRules.shown(text) + "\", which "
                    + fault.get(), "Give a value without spaces, quotes or shell characters (systemd reads "
                    + "/etc/etcd.env and sh sources it; neither would read such a value as written)");
        }
        return text;
    }

    private static Map<String, String> ownKeys() {
        Map<String, String> own = new LinkedHashMap<>();
        for (String key : List.of("ETCD_DATA_DIR", "ETCD_ADVERTISE_CLIENT_URLS", "ETCD_INITIAL_ADVERTISE_PEER_URLS",
                "ETCD_INITIAL_CLUSTER_STATE", "ETCD_LISTEN_CLIENT_URLS", "ETCD_LISTEN_PEER_URLS", "ETCD_NAME",
                "ETCD_INITIAL_CLUSTER", "ETCD_PROXY", "ETCD_PRE_VOTE", "ETCD_FEATURE_GATES",
                "ETCD_EXPERIMENTAL_COMPACT_HASH_CHECK_ENABLED", "ETCD_TRUSTED_CA_FILE", "ETCD_CERT_FILE",
                "ETCD_KEY_FILE", "ETCD_CLIENT_CERT_AUTH", "ETCD_PEER_TRUSTED_CA_FILE", "ETCD_PEER_CERT_FILE",
                "ETCD_PEER_KEY_FILE", "ETCD_PEER_CLIENT_CERT_AUTH", "ETCDCTL_ENDPOINTS", "ETCDCTL_CACERT",
                "ETCDCTL_KEY", "ETCDCTL_CERT")) {
            own.put(key, "");
        }
        own.put("ETCD_INITIAL_CLUSTER_TOKEN", "etcd_initial_cluster_token");
        own.put("ETCD_ELECTION_TIMEOUT", "etcd_election_timeout");
        own.put("ETCD_HEARTBEAT_INTERVAL", "etcd_heartbeat_interval");
        own.put("ETCD_METRICS", "etcd_metrics");
        own.put("ETCD_LISTEN_METRICS_URLS", "etcd_listen_metrics_urls");
        own.put("ETCD_AUTO_COMPACTION_RETENTION", "etcd_compaction_retention");
        own.put("ETCD_SNAPSHOT_COUNT", "etcd_snapshot_count");
        own.put("ETCD_QUOTA_BACKEND_BYTES", "etcd_quota_backend_bytes");
        own.put("ETCD_MAX_REQUEST_BYTES", "etcd_max_request_bytes");
        own.put("ETCD_MAX_SNAPSHOTS", "etcd_max_snapshots");
        own.put("ETCD_MAX_WALS", "etcd_max_wals");
        own.put("ETCD_LOG_LEVEL", "etcd_log_level");
        own.put("ETCD_CIPHER_SUITES", "etcd_tls_cipher_suites");
        own.put("ETCD_ENABLE_V2", "etcd_enable_v2");
        own.put("ETCD_EXPERIMENTAL_INITIAL_CORRUPT_CHECK", "etcd_experimental_initial_corrupt_check");
        own.put("ETCD_EXPERIMENTAL_WATCH_PROGRESS_NOTIFY_INTERVAL", "etcd_experimental_watch_progress_notify_interval");
        own.put("ETCD_WATCH_PROGRESS_NOTIFY_INTERVAL", "etcd_experimental_watch_progress_notify_interval");
        for (String tracing : List.of("ENABLE_DISTRIBUTED_TRACING", "DISTRIBUTED_TRACING_ADDRESS",
                "DISTRIBUTED_TRACING_SAMPLING_RATE", "DISTRIBUTED_TRACING_SERVICE_NAME")) {
            own.put("ETCD_" + tracing, "etcd_experimental_enable_distributed_tracing and its settings");
            own.put("ETCD_EXPERIMENTAL_" + tracing, "etcd_experimental_enable_distributed_tracing and its settings");
        }
        return own;
    }
}
