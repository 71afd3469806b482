package dev.quorum.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The lab's shell and python scripts, shipped as classpath resources and extracted once per JVM
 * into a private temp dir (scripts must be real files: unshare, nsenter and bash run them).
 */
final class LabScripts {

    static final List<String> NAMES = List.of(
            "lab-common.sh", "lab-bridge.sh", "lab-create.sh", "lab-destroy.sh",
            "lab-cleanup-stale.sh", "lab-host-prepare.sh", "lab-host-boot.sh", "lab-host-start.sh",
            "lab-host-stop.sh", "lab-fault.sh", "lab-init.py", "systemctl.py", "journalctl.py",
            "unit_store.py", "service_supervisor.py", "timer_units.py", "systemd_time.py", "timer_schedule.py",
            "kube-standin.py");

    private static Path dir;

    private LabScripts() {
    }

    /** Absolute path of an extracted script. */
    static synchronized Path path(String name) {
        if (dir == null) {
            dir = extract();
        }
        return dir.resolve(name);
    }

    private static Path extract() {
        try {
            Path target = Files.createTempDirectory("quorum-lab-scripts-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            for (String name : NAMES) {
                try (InputStream in = LabScripts.class.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IllegalStateException("lab script missing from the classpath: " + name);
                    }
                    Path file = target.resolve(name);
                    Files.copy(in, file);
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
                }
            }
            // after the labs: their teardown still needs these scripts
            ShutdownGuard.afterLabs(() -> deleteQuietly(target));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the lab scripts", e);
        }
    }

    private static void deleteQuietly(Path target) {
        for (String name : NAMES) {
            try {
                Files.deleteIfExists(target.resolve(name));
            } catch (IOException ignored) {
                // a temp dir; best effort at JVM exit
            }
        }
        try {
            Files.deleteIfExists(target);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
