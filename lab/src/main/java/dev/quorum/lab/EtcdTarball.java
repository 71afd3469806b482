package dev.quorum.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An etcd release tarball in the official layout ({@code etcd-vX.Y.Z-linux-ARCH/etcd} and
 * {@code etcdctl}), built from Debian's /usr/bin binaries because this machine cannot download
 * from GitHub. Built once per JVM, cached under /tmp/quorum-lab-cache. Needs no root.
 */
public final class EtcdTarball {

    private static final Logger LOG = LoggerFactory.getLogger(EtcdTarball.class);
    private static final Path CACHE = Path.of("/tmp/quorum-lab-cache");
    private static final Pattern VERSION = Pattern.compile("etcd Version: (\\d+\\.\\d+\\.\\d+)");
    private static EtcdTarball instance;

    private final Path path;
    private final String version;
    private final String sha256;

    private EtcdTarball(Path path, String version, String sha256) {
        this.path = path;
        this.version = version;
        this.sha256 = sha256;
    }

    /** The tarball, built on first use in this JVM (or reused from the cache). */
    public static synchronized EtcdTarball get() {
        if (instance == null) {
            instance = build();
        }
        return instance;
    }

    public Path path() {
        return path;
    }

    /** {@code file://} URI of the tarball, to stand in for the GitHub download URL. */
    public URI uri() {
        return path.toUri();
    }

    /** Version with the leading "v", as in release names: {@code v3.4.23}. */
    public String version() {
        return version;
    }

    /** Lower-case hex SHA-256 of the tarball. */
    public String sha256() {
        return sha256;
    }

    /** Directory name inside the tarball, e.g. {@code etcd-v3.4.23-linux-amd64}. */
    public String topDirectory() {
        return "etcd-" + version + "-linux-" + arch();
    }

    private static EtcdTarball build() {
        String version = "v" + debianEtcdVersion();
        String top = "etcd-" + version + "-linux-" + arch();
        Path tarball = CACHE.resolve(top + ".tar.gz");
        try {
            Files.createDirectories(CACHE);
            if (!Files.isRegularFile(tarball)) {
                Path staging = Files.createTempDirectory(CACHE, "staging-");
                try {
                    Path dir = Files.createDirectories(staging.resolve(top));
                    for (String bin : List.of("etcd", "etcdctl")) {
                        Path target = dir.resolve(bin);
                        Files.copy(Path.of("/usr/bin", bin), target);
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                    Path partial = staging.resolve(top + ".tar.gz");
                    Commands.run(List.of("tar", "-C", staging.toString(), "--owner=0", "--group=0",
                            "--numeric-owner", "-czf", partial.toString(), top), 120)
                            .requireOk("tar " + top);
                    // atomic: a concurrent JVM sees either no tarball or a complete one
                    Files.move(partial, tarball, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Commands.run(List.of("rm", "-rf", "--", staging.toString()), 60);
                }
                LOG.info("built {} from Debian's etcd binaries", tarball);
            }
            return new EtcdTarball(tarball, version, sha256(tarball));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the etcd tarball " + tarball, e);
        }
    }

    private static String debianEtcdVersion() {
        String out = Commands.run(List.of("/usr/bin/etcd", "--version"), 30)
                .requireOk("etcd --version (Debian package etcd-server)").stdout();
        Matcher m = VERSION.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("cannot read the version from `etcd --version`: " + out);
        }
        return m.group(1);
    }

    private static String arch() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
