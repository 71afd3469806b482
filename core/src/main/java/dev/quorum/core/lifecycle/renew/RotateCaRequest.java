package dev.quorum.core.lifecycle.renew;

/**
 * What {@code certs rotate-ca} was asked for.
 *
 * @param prepareOnly only make the new CA and the trust bundle, so other etcd clients (kube-apiserver's
 *                    {@code --etcd-cafile}) can be given the bundle before the hosts change
 */
public record RotateCaRequest(boolean prepareOnly) {
    /** The first phase alone: the new CA and the bundle on this workstation, no host changed. */
    public static RotateCaRequest prepare() {
        return new RotateCaRequest(true);
    }

    /** Every phase: prepare (or reuse what an earlier --prepare made), roll, switch, retire the old CA. */
    public static RotateCaRequest all() {
        return new RotateCaRequest(false);
    }
}
