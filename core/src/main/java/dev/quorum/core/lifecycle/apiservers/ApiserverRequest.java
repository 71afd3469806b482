package dev.quorum.core.lifecycle.apiservers;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What kube-apiserver's {@code --etcd-servers} (or, for the events cluster, its {@code --etcd-servers-overrides}
 * entry for {@code /events}) should say on every control plane, and how long one API server may take to come back
 * healthy after its manifest changed.
 *
 * @param etcdServers   the etcd client URLs, in the order they are written
 * @param healthTimeout the bounded wait for the restarted API server's {@code /livez/etcd}
 * @param flag          which flag lists this cluster's members
 */
public record ApiserverRequest(List<String> etcdServers, Duration healthTimeout, ApiserverFlag flag) {
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
        Objects.requireNonNull(flag, "flag");
    }

    public ApiserverRequest(List<String> etcdServers, Duration healthTimeout) {
        this(etcdServers, healthTimeout, ApiserverFlag.ETCD_SERVERS);
    }

    public ApiserverRequest(List<String> etcdServers) {
        this(etcdServers, DEFAULT_HEALTH_TIMEOUT);
    }

    /** What the flag says for these servers alone: the URLs joined by commas, or {@code /events#URL;URL}. */
    public String value() {
        return flag.alone(etcdServers);
    }

    /** The flag and its value, as a person would write it by hand, e.g. {@code --etcd-servers=URL,URL}. */
    public String flagText() {
        return flag.flagName() + "=" + value();
    }

    /** The current value already names these servers, in any order: kube-apiserver balances over the list. */
    boolean satisfiedBy(String current) {
        return flag.servers(current).map(listed -> new LinkedHashSet<>(listed).equals(new LinkedHashSet<>(etcdServers))
                && listed.size() == etcdServers.size()).orElse(false);
    }

    /** The value to write in place of {@code current}. */
    String replacing(String current) {
        return flag.edited(current, etcdServers);
    }
}
