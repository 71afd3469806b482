package dev.quorum.core.pki;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The certificate settings of an {@code /etc/etcd.env}: which files the member serves with, dials
 * peers with, trusts, and which etcdctl uses. Kept as setting name to path.
 */
public record EtcdTlsSettings(Map<String, String> paths) {
    /** Certificate setting to the key setting that goes with it. */
    static final Map<String, String> KEY_OF = Map.of(
            "ETCD_CERT_FILE", "ETCD_KEY_FILE",
            "ETCD_PEER_CERT_FILE", "ETCD_PEER_KEY_FILE",
            "ETCDCTL_CERT", "ETCDCTL_KEY");
    static final List<String> MEMBER_SETTINGS = List.of("ETCD_CERT_FILE", "ETCD_PEER_CERT_FILE");
    static final List<String> CA_SETTINGS = List.of("ETCD_TRUSTED_CA_FILE", "ETCD_PEER_TRUSTED_CA_FILE", "ETCDCTL_CACERT");
    private static final List<String> ALL = List.of("ETCD_CERT_FILE", "ETCD_KEY_FILE", "ETCD_PEER_CERT_FILE",
            "ETCD_PEER_KEY_FILE", "ETCD_TRUSTED_CA_FILE", "ETCD_PEER_TRUSTED_CA_FILE", "ETCDCTL_CACERT",
            "ETCDCTL_CERT", "ETCDCTL_KEY");

    public EtcdTlsSettings {
        paths = Map.copyOf(paths);
    }

    public static EtcdTlsSettings none() {
        return new EtcdTlsSettings(Map.of());
    }

    /** Picks the certificate settings out of every variable of an env file. */
    public static EtcdTlsSettings of(Map<String, String> envValues) {
        Map<String, String> picked = new LinkedHashMap<>();
        for (String name : ALL) {
            String value = envValues.get(name);
            if (value != null && !value.isBlank()) {
                picked.put(name, value.strip());
            }
        }
        return new EtcdTlsSettings(picked);
    }

    /** Every path a setting names, certificates and keys. */
    public List<String> allPaths() {
        return ALL.stream().filter(paths::containsKey).map(paths::get).distinct().toList();
    }

    /** The settings naming this path as a certificate (not a key), in a stable order. */
    List<String> certificateSettingsFor(String path) {
        List<String> names = new ArrayList<>();
        for (String name : ALL) {
            if (path.equals(paths.get(name)) && !name.endsWith("_KEY_FILE") && !name.equals("ETCDCTL_KEY")) {
                names.add(name);
            }
        }
        return names;
    }

    /** Certificate paths (leaf and CA) the settings name. */
    List<String> certificatePaths() {
        return paths.keySet().stream().filter(n -> !n.endsWith("_KEY_FILE") && !n.equals("ETCDCTL_KEY"))
                .sorted().map(paths::get).distinct().toList();
    }

    Optional<String> keyFor(List<String> certificateSettings) {
        return certificateSettings.stream().map(KEY_OF::get).filter(k -> k != null && paths.containsKey(k))
                .map(paths::get).findFirst();
    }

    public Optional<String> trustedCa() {
        return Optional.ofNullable(paths.get("ETCD_TRUSTED_CA_FILE"));
    }
}
