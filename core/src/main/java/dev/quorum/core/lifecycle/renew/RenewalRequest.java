package dev.quorum.core.lifecycle.renew;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code certs renew} was asked for.
 *
 * @param host  only this etcd host (inventory or member name), else every etcd host
 * @param all   re-issue every member, admin and node certificate, not only those with problems
 * @param warn  a certificate expiring within this is renewed
 */
public record RenewalRequest(Optional<String> host, boolean all, Duration warn) {
    public RenewalRequest {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(warn, "warn");
    }
}
