package dev.quorum.core.lifecycle.renew;

import java.util.Set;

/**
 * What {@code certs rotate-ca} was asked for.
 *
 * @param prepareOnly       only make the new CA and the trust bundle, so other etcd clients can be given the
 *                          bundle before the hosts change
 * @param acceptUnreached   Kubernetes hosts the user accepts to cut off when they cannot be reached
 *                          ({@code --accept-unreached-kubernetes-hosts}); any other unreachable Kubernetes host
 *                          stops the rotation before members serve certificates from the new CA
 * @param trustOnly         stop once every host trusts the old and the new CA, before any certificate changes
 *                          ({@code --trust-only}): kube-apiserver loads its CA file only when it starts, so it must
 *                          be restarted there before members serve the new CA; a run without it goes on
 */
public record RotateCaRequest(boolean prepareOnly, Set<String> acceptUnreached, boolean trustOnly) {
    public RotateCaRequest {
        acceptUnreached = Set.copyOf(acceptUnreached);
    }

    public RotateCaRequest(boolean prepareOnly, Set<String> acceptUnreached) {
        this(prepareOnly, acceptUnreached, false);
    }

    public RotateCaRequest(boolean prepareOnly) {
        this(prepareOnly, Set.of());
    }

    /** The first phase alone: the new CA and the bundle on this workstation, no host changed. */
    public static RotateCaRequest prepare() {
        return new RotateCaRequest(true);
    }

    /** Every phase: prepare (or reuse what an earlier --prepare made), roll, switch, retire the old CA. */
    public static RotateCaRequest all() {
        return new RotateCaRequest(false);
    }
}
