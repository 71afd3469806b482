package dev.quorum.core.release;

import java.nio.file.Path;

/**
 * A verified etcd release tarball on the workstation.
 *
 * @param tarball        the cached tarball
 * @param sha256         the tarball's sha256, hex
 * @param version        e.g. {@code v3.4.23}
 * @param etcdSha256     sha256 of the {@code etcd} binary inside
 * @param etcdctlSha256  sha256 of the {@code etcdctl} binary inside
 * @param etcdEntry      the path of {@code etcd} inside the tarball, e.g. {@code etcd-v3.4.23-linux-amd64/etcd}
 * @param etcdctlEntry   the path of {@code etcdctl} inside the tarball
 */
public record EtcdRelease(Path tarball, String sha256, String version, String etcdSha256, String etcdctlSha256,
                          String etcdEntry, String etcdctlEntry) {
}
