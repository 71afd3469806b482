package dev.quorum.installer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/** Where the build put the package, and what the installed app contains. */
final class PackageFiles {
    /** The desktop app's entry class, on the branch that adds it; without it `quorum` is only the CLI. */
    static final String DESKTOP_APP_CLASS = "dev/quorum/app/shell/QuorumApp.class";

    private PackageFiles() {
    }

    /** installer/target/quorum_*.deb, or null when the package was not built. */
    static Path deb() {
        Path target = Path.of(System.getProperty("quorum.installer.target", "target"));
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> files = Files.list(target)) {
            List<Path> debs = files.filter(f -> f.getFileName().toString().matches("quorum_.*\\.deb")).sorted().toList();
            return debs.isEmpty() ? null : debs.get(debs.size() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the installed quorum-app jar holds the desktop app. */
    static boolean hasDesktopApp(Path appDir) throws IOException {
        try (Stream<Path> jars = Files.list(appDir.resolve("lib/app"))) {
            for (Path jar : jars.filter(j -> j.getFileName().toString().startsWith("quorum-app-")).toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    if (zip.getEntry(DESKTOP_APP_CLASS) != null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
