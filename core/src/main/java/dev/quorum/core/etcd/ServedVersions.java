package dev.quorum.core.etcd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.core.release.EtcdVersion;
import java.io.IOException;
import java.util.Optional;

/**
 * What a member's {@code GET /version} says: its own server version and the cluster version, the
 * version the cluster as a whole speaks (the lowest of its members' lines, decided by the leader;
 * empty while etcd says "not_decided").
 */
public record ServedVersions(EtcdVersion server, Optional<EtcdVersion> cluster) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads {@code {"etcdserver":"3.6.14","etcdcluster":"3.6.0"}}; throws when the server version is missing. */
    public static ServedVersions parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("/version did not answer a JSON object: " + abbreviate(body), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("/version did not answer a JSON object: " + abbreviate(body));
        }
        EtcdVersion server = EtcdVersion.tryParse(root.path("etcdserver").asText(null))
                .orElseThrow(() -> new IllegalArgumentException("/version names no server version: " + abbreviate(body)));
        return new ServedVersions(server, EtcdVersion.tryParse(root.path("etcdcluster").asText(null)));
    }

    private static String abbreviate(String body) {
        return body.length() <= 120 ? body : body.substring(0, 120) + "...";
    }
}
