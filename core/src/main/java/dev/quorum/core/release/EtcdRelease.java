package dev.quorum.core.release;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A verified etcd release tarball on the workstation.
 *
 * @param tarball        the cached tarball
 * @param sha256         the tarball's sha256, hex
 * @param version        e.g. {@code v3.6.14}
 * @param etcdSha256     sha256 of the {@code etcd} binary inside
 * @param etcdctlSha256  sha256 of the {@code etcdctl} binary inside
 * @param etcdEntry      the path of {@code etcd} inside the tarball, e.g. {@code etcd-v3.6.14-linux-amd64/etcd}
 * @param etcdctlEntry   the path of {@code etcdctl} inside the tarball
 * @param etcdutl        {@code etcdutl} (the offline tool: snapshot restore and status), which releases ship from 3.5
 * @param zstdTarball    the same tar stream compressed with zstd, beside the cached tarball, when it could be written
 *                       (decision 0062): what a host with {@code zstd} is sent instead of the tarball
 */
public record EtcdRelease(Path tarball, String sha256, String version, String etcdSha256, String etcdctlSha256,
                          String etcdEntry, String etcdctlEntry, Optional<ReleaseBinary> etcdutl,
                          Optional<Path> zstdTarball) {

    /** A release without a zstd repack. */
    public EtcdRelease(Path tarball, String sha256, String version, String etcdSha256, String etcdctlSha256,
                       String etcdEntry, String etcdctlEntry, Optional<ReleaseBinary> etcdutl) {
        this(tarball, sha256, version, etcdSha256, etcdctlSha256, etcdEntry, etcdctlEntry, etcdutl, Optional.empty());
    }

    /** A release without etcdutl (3.4, or a tarball repacked without it). */
    public EtcdRelease(Path tarball, String sha256, String version, String etcdSha256, String etcdctlSha256,
                       String etcdEntry, String etcdctlEntry) {
        this(tarball, sha256, version, etcdSha256, etcdctlSha256, etcdEntry, etcdctlEntry, Optional.empty());
    }

    /** What goes into bin_dir: etcd, etcdctl and, when the tarball has it, etcdutl. */
    public List<ReleaseBinary> binaries() {
        List<ReleaseBinary> all = new ArrayList<>(List.of(new ReleaseBinary("etcd", etcdEntry, etcdSha256),
                new ReleaseBinary("etcdctl", etcdctlEntry, etcdctlSha256)));
        etcdutl.ifPresent(all::add);
        return all;
    }

    public boolean hasEtcdutl() {
        return etcdutl.isPresent();
    }
}
