package dev.quorum.core.etcd;

/** How many keys the cluster held at one revision ({@code etcdctl get "" --from-key --count-only}). */
public record KeyCount(long count, long revision) {
}
