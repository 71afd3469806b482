package dev.quorum.installer;

import java.time.Duration;

/** The few dpkg calls the package test needs. */
final class Dpkg {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private Dpkg() {
    }

    /** dpkg's status line for a package ("install ok installed", "deinstall ok config-files"), or empty when unknown. */
    static String status(String pkg) {
        Cmd.Result r = Cmd.run(Duration.ofSeconds(30), "dpkg-query", "-W", "-f=${Status}", pkg);
        return r.ok() ? r.out().trim() : "";
    }

    static Cmd.Result install(java.nio.file.Path deb) {
        return Cmd.run(TIMEOUT, "dpkg", "-i", deb.toString());
    }

    static Cmd.Result remove(String pkg) {
        return Cmd.run(TIMEOUT, "dpkg", "-r", pkg);
    }

    static Cmd.Result purge(String pkg) {
        return Cmd.run(TIMEOUT, "dpkg", "--purge", pkg);
    }

    static Cmd.Result files(String pkg) {
        return Cmd.run(Duration.ofSeconds(30), "dpkg", "-L", pkg);
    }
}
