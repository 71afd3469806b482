package dev.quorum.core.inventory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Where etcd serves {@code /metrics} and {@code /health} besides its client port: {@code etcd_listen_metrics_urls}
 * as written, else {@code etcd_metrics_port} on the member's address and 127.0.0.1 over http (Kubespray's template).
 */
final class MetricsUrls {
    static final String URLS = "etcd_listen_metrics_urls";
    static final String PORT = "etcd_metrics_port";

    private MetricsUrls() {
    }

    /** A comma-separated text as Kubespray writes it, or a YAML list. */
    static List<URI> read(VariableScope scope) {
        List<URI> urls = new ArrayList<>();
        for (String item : scope.textList(URLS)) {
            for (String part : item.split(",", -1)) {
                urls.add(url(scope, part.trim()));
            }
        }
        return urls;
    }

    static OptionalInt port(VariableScope scope) {
        if (!scope.isSet(PORT)) {
            return OptionalInt.empty();
        }
        int port = scope.integer(PORT).orElseThrow(() -> scope.problem(PORT, "is empty", "Give a port such as 2381 "
                + "(kubeadm's), or remove it"));
        if (port < 1 || port > 65_535 || port == EtcdMember.CLIENT_PORT || port == EtcdMember.PEER_PORT) {
            throw scope.problem(PORT, "is " + port + ", which is not a free TCP port for metrics", "Give a port from 1 "
                    + "to 65535 other than etcd's 2379 and 2380, for example 2381");
        }
        return OptionalInt.of(port);
    }

    private static URI url(VariableScope scope, String text) {
        String what = "Write URLs such as http://127.0.0.1:2381, comma separated (or a YAML list)";
        if (text.isEmpty() || EtcdEnvValues.fault(text.replace("[", "").replace("]", "")).isPresent()) {
            throw scope.problem(URLS, "contains \"" + InventoryRules.shown(text) + "\", which "
                    + (text.isEmpty() ? "is an empty entry" : "cannot go into /etc/etcd.env as written"), what);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw scope.problem(URLS, "contains \"" + text + "\", which is not a URL (" + e.getReason() + ")", what);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw scope.problem(URLS, "contains \"" + text + "\", which is not an http:// or https:// URL", what);
        }
        if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65_535) {
            throw scope.problem(URLS, "contains \"" + text + "\", which does not name an address and a port", what);
        }
        if (!(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw scope.problem(URLS, "contains \"" + text + "\", which has more than scheme, address and port "
                    + "(etcd refuses a path in a listen URL)", what);
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        if (!IpLiterals.isIpLiteral(host) && InventoryRules.address(host).isPresent()) {
            throw scope.problem(URLS, "contains \"" + text + "\", whose host is not an address", what);
        }
        if (uri.getPort() == EtcdMember.CLIENT_PORT || uri.getPort() == EtcdMember.PEER_PORT) {
            throw scope.problem(URLS, "contains \"" + text + "\", on etcd's client or peer port", "Use another port, "
                    + "for example 2381");
        }
        return uri;
    }
}
