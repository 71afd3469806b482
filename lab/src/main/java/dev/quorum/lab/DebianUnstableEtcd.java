package dev.quorum.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian unstable's etcd 3.5 (older than the etcd docs' minimum for 3.6 when written: 3.5.30), fetched through this
 * machine's own Debian mirror without installing anything, packed in the official release layout
 * ({@code etcd-vX.Y.Z-linux-ARCH/{etcd,etcdctl,etcdutl}}) and cached under /tmp/quorum-lab-cache. The version is
 * read from {@code etcd --version}: unstable moves.
 */
final class DebianUnstableEtcd {
    private static final Path CACHE = Path.of("/tmp/quorum-lab-cache");
    private static final Path MARKER = CACHE.resolve("debian-unstable-etcd.tarball");
    private static final Path SOURCES = Path.of("/etc/apt/sources.list.d/debian.sources");
    private static final Pattern VERSION = Pattern.compile("etcd Version: (\\d+\\.\\d+\\.\\d+)");

    private DebianUnstableEtcd() {
    }

    /** The cached tarball, built on first use; empty with the reason printed when the mirror cannot serve it. */
    static synchronized Optional<Path> tarball() {
        try {
            Files.createDirectories(CACHE);
            if (Files.isRegularFile(MARKER)) {
                Path cached = Path.of(Files.readString(MARKER).strip());
                if (Files.isRegularFile(cached)) {
                    return Optional.of(cached);
                }
            }
            return build();
        } catch (IOException | RuntimeException e) {
            System.out.println("SKIPPED: cannot fetch Debian unstable's etcd: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Path> build() throws IOException {
        if (!Files.isRegularFile(SOURCES)) {
            System.out.println("SKIPPED: no " + SOURCES + " to find this machine's Debian mirror");
            return Optional.empty();
        }
        Path work = Files.createTempDirectory(CACHE, "sid-");
        try {
            String script = String.join("\n",
                    "set -e",
                    "d=" + Commands.quote(work.toString()),
                    "mkdir -p \"$d/lists/partial\"",
                    "uri=$(awk '/^URIs:/{print $2; exit}' " + SOURCES + ")",
                    "echo \"deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri sid main\" "
                            + ">\"$d/sources.list\"",
                    "o=\"-o Dir::Etc::sourcelist=$d/sources.list -o Dir::Etc::sourceparts=- "
                            + "-o Dir::State::Lists=$d/lists\"",
                    "apt-get $o update >/dev/null",
                    "cd \"$d\" && apt-get $o download etcd-server etcd-client >/dev/null",
                    "for f in \"$d\"/*.deb; do dpkg-deb -x \"$f\" \"$d/x\"; done",
                    "\"$d/x/usr/bin/etcd\" --version");
            ExecResult fetched = Commands.run(List.of("sh", "-c", script), 300);
            if (!fetched.ok()) {
                System.out.println("SKIPPED: the Debian mirror did not serve etcd from unstable: "
                        + fetched.stderr().strip());
                return Optional.empty();
            }
            Matcher m = VERSION.matcher(fetched.stdout());
            if (!m.find()) {
                System.out.println("SKIPPED: cannot read the version of Debian unstable's etcd: " + fetched.stdout());
                return Optional.empty();
            }
            return Optional.of(pack(work, "v" + m.group(1)));
        } finally {
            Commands.run(List.of("rm", "-rf", "--", work.toString()), 60);
        }
    }

    private static Path pack(Path work, String version) throws IOException {
        String top = "etcd-" + version + "-linux-" + EtcdTarball.arch();
        Path dir = Files.createDirectories(work.resolve("pack").resolve(top));
        for (String bin : List.of("etcd", "etcdctl", "etcdutl")) {
            Path source = work.resolve("x/usr/bin").resolve(bin);
            if (Files.isRegularFile(source)) {
                Files.copy(source, dir.resolve(bin), StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(dir.resolve(bin), PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Path tarball = CACHE.resolve("debian-sid-" + top + ".tar.gz");
        Path partial = work.resolve(top + ".tar.gz");
        Commands.run(List.of("tar", "-C", work.resolve("pack").toString(), "--owner=0", "--group=0", "--numeric-owner",
                "-czf", partial.toString(), top), 120).requireOk("tar " + top);
        Files.move(partial, tarball, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(MARKER, tarball.toString());
        return tarball;
    }
}
