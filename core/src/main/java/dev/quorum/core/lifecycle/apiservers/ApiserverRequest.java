package dev.quorum.core.lifecycle.apiservers;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What kube-apiserver's {@code --etcd-servers} should say on every control plane, and how long one API server may
 * take to come back healthy after its manifest changed.
 *
 * @param etcdServers   the etcd client URLs, in the order they are written
 * @param healthTimeout the bounded wait for the restarted API server's {@code /livez/etcd}
 */
public record ApiserverRequest(List<String> etcdServers, Duration healthTimeout) {
    /** kubelet notices a changed static pod manifest within ~20 s; an API server needs a minute more to start. */
    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofMinutes(3);

    // a URL as the inventory checks it, minus what would break the flag: no comma, quote, space or newline
    private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9.:\\[\\]_-]+(/[A-Za-z0-9._/-]*)?");

    public ApiserverRequest {
        etcdServers = List.copyOf(etcdServers);
        if (etcdServers.isEmpty()) {
            throw new IllegalArgumentException("--etcd-servers needs at least one etcd client URL");
        }
        for (String url : etcdServers) {
            if (!URL.matcher(url).matches()) {
                throw new IllegalArgumentException("not an etcd client URL for --etcd-servers: " + url);
            }
        }
        if (healthTimeout.isNegative() || healthTimeout.isZero()) {
            throw new IllegalArgumentException("the health wait must be positive: " + healthTimeout);
        }
    }

    public ApiserverRequest(List<String> etcdServers) {
        this(etcdServers, DEFAULT_HEALTH_TIMEOUT);
    }

    /** The flag's value: the URLs joined by commas. */
    public String value() {
        return String.join(",", etcdServers);
    }
}
