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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An etcd release tarball in the official layout ({@code etcd-vX.Y.Z-linux-ARCH/etcd}, {@code etcdctl} and, from
 * 3.5, {@code etcdutl}) for one release line. This machine cannot download from GitHub, so:
 * <ul>
 *   <li>3.4 is built from Debian's {@code /usr/bin} binaries (package etcd-server, 3.4.23), cached under
 *       /tmp/quorum-lab-cache;</li>
 *   <li>3.5, 3.6 and 3.7 are the newest {@code etcd-vX.Y.Z-linux-ARCH.tar.gz} of that line in the release folder
 *       ({@link ReleaseFolder}).</li>
 * </ul>
 * The lab's default line is 3.6 ({@value #DEFAULT_LINE}), or {@code QUORUM_LAB_ETCD} (e.g. {@code 3.5}). Needs no root.
 */
public final class EtcdTarball {

    /** The release line lab tests run unless they ask for another. */
    public static final String DEFAULT_LINE = "3.6";
    /** Overrides {@link #DEFAULT_LINE}, e.g. {@code QUORUM_LAB_ETCD=3.4}. */
    public static final String LINE_VARIABLE = "QUORUM_LAB_ETCD";

    private static final Logger LOG = LoggerFactory.getLogger(EtcdTarball.class);
    private static final Path CACHE = Path.of("/tmp/quorum-lab-cache");
    private static final Pattern VERSION = Pattern.compile("etcd Version: (\\d+\\.\\d+\\.\\d+)");
    private static final Pattern LINE = Pattern.compile("3\\.[0-9]+");
    private static final Map<String, Optional<EtcdTarball>> BY_LINE = new HashMap<>();

    private final Path path;
    private final String version;
    private final String sha256;

    private EtcdTarball(Path path, String version, String sha256) {
        this.path = path;
        this.version = version;
        this.sha256 = sha256;
    }

    /** The lab's default release line ({@code QUORUM_LAB_ETCD}, else 3.6); fails with what to do when missing. */
    public static EtcdTarball get() {
        String line = defaultLine();
        return find(line).orElseThrow(() -> new IllegalStateException(missing(line)));
    }

    /** The line lab tests run by default. */
    public static String defaultLine() {
        String line = System.getenv(LINE_VARIABLE);
        return line == null || line.isBlank() ? DEFAULT_LINE : checkedLine(line.trim());
    }

    /** The tarball of one release line ({@code 3.4} ... {@code 3.7}); the test is skipped, saying why, when missing. */
    public static EtcdTarball require(String line) {
        Optional<EtcdTarball> found = find(line);
        if (found.isEmpty()) {
            System.out.println("SKIPPED: " + missing(line));
            Assumptions.abort(missing(line));
        }
        return found.orElseThrow();
    }

    /**
     * Debian unstable's etcd 3.5 (3.5.30 when written, older than the etcd docs' minimum for 3.6), fetched through
     * this machine's Debian mirror ({@link DebianUnstableEtcd}); the test is skipped, saying why, when it cannot be.
     */
    public static synchronized EtcdTarball requireDebianUnstable() {
        Optional<Path> tarball = DebianUnstableEtcd.tarball();
        if (tarball.isEmpty()) {
            Assumptions.abort("Debian unstable's etcd could not be fetched (see the SKIPPED line above)");
        }
        String name = tarball.get().getFileName().toString();
        String version = name.substring(name.indexOf("etcd-") + "etcd-".length(), name.indexOf("-linux-"));
        try {
            return new EtcdTarball(tarball.get(), version, sha256(tarball.get()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tarball.get(), e);
        }
    }

    /** The tarball of one release line, when this machine has it. */
    public static synchronized Optional<EtcdTarball> find(String line) {
        checkedLine(line);
        return BY_LINE.computeIfAbsent(line, EtcdTarball::locate);
    }

    public Path path() {
        return path;
    }

    /** {@code file://} URI of the tarball, to stand in for the GitHub download URL. */
    public URI uri() {
        return path.toUri();
    }

    /** Version with the leading "v", as in release names: {@code v3.6.14}. */
    public String version() {
        return version;
    }

    /** The release line, e.g. {@code 3.6}. */
    public String line() {
        String[] parts = version.substring(1).split("\\.");
        return parts[0] + "." + parts[1];
    }

    /** Lower-case hex SHA-256 of the tarball. */
    public String sha256() {
        return sha256;
    }

    /** Directory name inside the tarball, e.g. {@code etcd-v3.6.14-linux-amd64}. */
    public String topDirectory() {
        return "etcd-" + version + "-linux-" + arch();
    }

    @Override
    public String toString() {
        return "etcd " + version + " (" + path + ")";
    }

    private static String missing(String line) {
        if ("3.4".equals(line)) {
            return "etcd 3.4 for the lab comes from Debian's etcd-server package (/usr/bin/etcd), which is not "
                    + "installed: run scripts/install-debian-packages.sh as root";
        }
        return "no etcd " + line + ".x release tarball (etcd-v" + line + ".N-linux-" + arch() + ".tar.gz) in "
                + ReleaseFolder.describe() + "; point " + ReleaseFolder.VARIABLE
                + " at a folder holding etcd's official release tarballs";
    }

    private static String checkedLine(String line) {
        if (!LINE.matcher(line).matches()) {
            throw new IllegalArgumentException("not an etcd release line: \"" + line + "\" (write e.g. 3.6)");
        }
        return line;
    }

    private static Optional<EtcdTarball> locate(String line) {
        try {
            if ("3.4".equals(line)) {
                return Files.isExecutable(Path.of("/usr/bin/etcd")) ? Optional.of(fromDebian()) : Optional.empty();
            }
            Optional<Path> tarball = ReleaseFolder.newest(line, arch());
            if (tarball.isEmpty()) {
                return Optional.empty();
            }
            Path file = tarball.get();
            String name = file.getFileName().toString();
            String version = name.substring("etcd-".length(), name.indexOf("-linux-"));
            LOG.info("lab etcd {}: {}", line, file);
            return Optional.of(new EtcdTarball(file, version, sha256(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the etcd " + line + " tarball", e);
        }
    }

    private static EtcdTarball fromDebian() throws IOException {
        String version = "v" + debianEtcdVersion();
        String top = "etcd-" + version + "-linux-" + arch();
        Path tarball = CACHE.resolve(top + ".tar.gz");
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
                Files.move(partial, tarball, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Commands.run(List.of("rm", "-rf", "--", staging.toString()), 60);
            }
            LOG.info("built {} from Debian's etcd binaries", tarball);
        }
        return new EtcdTarball(tarball, version, sha256(tarball));
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

    static String arch() {
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
