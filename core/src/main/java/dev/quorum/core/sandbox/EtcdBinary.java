package dev.quorum.core.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which etcd the sandbox runs: the one unpacked from a release tarball (given, or the newest in
 * the workstation's release cache), else {@code etcd} on the PATH (Debian's etcd-server).
 *
 * @param executable the etcd binary
 * @param origin     where it came from, in words, for the run log
 */
public record EtcdBinary(Path executable, String origin) {

    /** Finds an etcd to run, or says how to get one. Does not unpack anything. */
    public static Source locate(Optional<Path> configuredTarball, Path releaseCache, String pathVariable) {
        if (configuredTarball.isPresent()) {
            Path tarball = configuredTarball.get();
            if (!Files.isRegularFile(tarball)) {
                throw new SandboxException("etcd tarball " + tarball + " does not exist",
                        "give the path of an etcd release tarball (etcd-v3.x.y-linux-amd64.tar.gz), or leave it "
                                + "out to use etcd from the PATH");
            }
            return new Source(Optional.of(tarball), Optional.empty());
        }
        Optional<Path> cached = newestTarball(releaseCache);
        if (cached.isPresent()) {
            return new Source(cached, Optional.empty());
        }
        Optional<Path> onPath = onPath(pathVariable);
        if (onPath.isPresent()) {
            return new Source(Optional.empty(), onPath);
        }
        throw new SandboxException("no etcd found: none in " + releaseCache + " and no etcd on the PATH",
                "install etcd (Debian/Ubuntu: apt-get install etcd-server), or put an etcd release tarball in "
                        + releaseCache);
    }

    /** A release tarball to unpack, or a binary already on this machine. */
    public record Source(Optional<Path> tarball, Optional<Path> installed) {
        public String describe() {
            return tarball.map(t -> "etcd from the release tarball " + t)
                    .orElseGet(() -> "etcd from the PATH: " + installed.orElseThrow());
        }
    }

    static Optional<Path> newestTarball(Path releaseCache) {
        if (!Files.isDirectory(releaseCache)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(releaseCache)) {
            return files.filter(f -> f.getFileName().toString().matches("etcd-v[0-9.]+-linux-[a-z0-9]+\\.tar\\.gz"))
                    .filter(Files::isRegularFile)
                    .max(Comparator.comparing(f -> f.getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<Path> onPath(String pathVariable) {
        if (pathVariable == null) {
            return Optional.empty();
        }
        return List.of(pathVariable.split(File.pathSeparator)).stream()
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "etcd"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
