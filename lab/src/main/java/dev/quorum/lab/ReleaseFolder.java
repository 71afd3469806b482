package dev.quorum.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the lab finds etcd release tarballs ({@code etcd-vX.Y.Z-linux-ARCH.tar.gz}, official layout):
 * {@code QUORUM_ETCD_RELEASES} when set; else a {@code shared/etcd} folder beside the project or one of its parents
 * (this machine keeps local builds of 3.5, 3.6 and 3.7 in {@code ../shared/etcd}).
 */
final class ReleaseFolder {

    static final String VARIABLE = "QUORUM_ETCD_RELEASES";
    private static final Pattern NAME = Pattern.compile("etcd-v(\\d+)\\.(\\d+)\\.(\\d+)-linux-([a-z0-9]+)\\.tar\\.gz");

    private ReleaseFolder() {
    }

    /** The newest tarball of the line for this architecture. */
    static Optional<Path> newest(String line, String arch) {
        Optional<Path> folder = folder();
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder.get(), "etcd-v*.tar.gz")) {
            for (Path file : files) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches() && (m.group(1) + "." + m.group(2)).equals(line) && m.group(4).equals(arch)) {
                    candidates.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder.get(), e);
        }
        return candidates.stream().max(Comparator.comparingInt(ReleaseFolder::patch));
    }

    static String describe() {
        return folder().map(Path::toString).orElse(
                "no release folder (" + VARIABLE + " is not set and no shared/etcd folder is beside the project)");
    }

    private static int patch(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(3)) : -1;
    }

    private static Optional<Path> folder() {
        String configured = System.getenv(VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured.trim());
            return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path shared = dir.resolve("shared/etcd");
            if (Files.isDirectory(shared)) {
                return Optional.of(shared);
            }
        }
        return Optional.empty();
    }
}
