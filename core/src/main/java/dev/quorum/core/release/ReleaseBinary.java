package dev.quorum.core.release;

/**
 * One binary of a release tarball, as it is installed into {@code bin_dir}.
 *
 * @param name   {@code etcd}, {@code etcdctl} or {@code etcdutl}: also its file name in bin_dir
 * @param entry  its path inside the tarball, e.g. {@code etcd-v3.6.14-linux-amd64/etcdutl}
 * @param sha256 its sha256, hex, to compare with what a host has installed
 */
public record ReleaseBinary(String name, String entry, String sha256) {
}
