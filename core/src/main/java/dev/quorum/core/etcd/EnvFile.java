package dev.quorum.core.etcd;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A parsed {@code /etc/etcd.env} (systemd EnvironmentFile syntax: KEY=value lines, # comments). */
public record EnvFile(Map<String, String> values) {

    public EnvFile {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static EnvFile parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq <= 0) {
                continue;
            }
            values.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
        }
        return new EnvFile(values);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Optional<InitialClusterState> initialClusterState() {
        return get("ETCD_INITIAL_CLUSTER_STATE").map(InitialClusterState::parse);
    }

    /** The same file with another initial cluster state: the only line that changes after bootstrap. */
    public static String withState(String text, InitialClusterState state) {
        return text.replaceAll("(?m)^ETCD_INITIAL_CLUSTER_STATE=.*$", "ETCD_INITIAL_CLUSTER_STATE=" + state.value());
    }
}
