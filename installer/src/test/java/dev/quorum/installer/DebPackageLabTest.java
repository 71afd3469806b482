package dev.quorum.installer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabPreconditions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb as a user gets it: installed with dpkg on this machine, `quorum` from the PATH for the
 * CLI against a lab cluster and for the desktop app under Xvfb, then removed without a trace.
 * The lab hosts use this machine's root filesystem as their lower layer, so nothing is installed
 * or removed while the lab is up: install, lab + CLI, lab closed, app, remove.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebPackageLabTest {
    static final String PACKAGE = "quorum";
    static final Path COMMAND = Path.of("/usr/bin/quorum");
    static final Path APP_DIR = Path.of("/opt/quorum");
    static final Duration CLI_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    static Path dir;
    static Map<String, String> env;
    static boolean installedByUs;

    @BeforeAll
    static void install() throws IOException {
        assumeOrSkip(LabPreconditions.isRoot(), "needs root (dpkg -i and lab hosts)");
        assumeOrSkip(Cmd.onPath("dpkg"), "no dpkg: not a Debian system");
        Path deb = PackageFiles.deb();
        assumeOrSkip(deb != null, "no installer/target/*.deb: build it with mvn -Pinstaller verify");
        String before = Dpkg.status(PACKAGE);
        assertThat(before).as("a '" + PACKAGE + "' package is already known to dpkg (" + before
                + "); this test installs and removes its own. Remove it first: dpkg --purge " + PACKAGE).isEmpty();
        assertThat(COMMAND).as(COMMAND + " exists without the package; the test would not know whose it is").doesNotExist();

        Cmd.Result installed = Dpkg.install(deb);
        installedByUs = true;
        System.out.println("dpkg -i " + deb.getFileName() + " (" + Files.size(deb) / 1_000_000 + " MB): " + installed.millis() + " ms");
        assertThat(installed.ok()).as(installed.describe()).isTrue();
        assertThat(Dpkg.status(PACKAGE)).isEqualTo("install ok installed");
        // HOME too: GTK and dconf caches stay in the temp dir (JavaFX's own cache follows user.home, from passwd)
        env = Map.of("QUORUM_HOME", dir.resolve("quorum-home").toString(), "HOME", dir.resolve("home").toString());
        Files.createDirectories(dir.resolve("home"));
    }

    @AfterAll
    static void removeIfStillInstalled() {
        if (installedByUs && !Dpkg.status(PACKAGE).isEmpty()) {
            System.out.println("cleanup: " + Dpkg.purge(PACKAGE).describe());
        }
    }

    @Test
    @Order(1)
    void quorumIsOnThePathAndPrintsItsUsage() {
        assertThat(Files.isSymbolicLink(COMMAND)).as(COMMAND + " is a link").isTrue();
        Cmd.Result help = installed("--help");

        assertThat(help.exit()).as(help.describe()).isZero();
        assertThat(help.out()).contains("Usage: quorum").contains("install").contains("status");
        System.out.println("quorum --help: " + help.millis() + " ms");
    }

    @Test
    @Order(2)
    void installedCliInstallsAClusterAndShowsItsStatus() throws IOException {
        EtcdTarball tarball = EtcdTarball.get();
        try (Lab lab = Lab.start(3)) {
            String inventory = lab.writeInventory(dir.resolve("inventory"), Map.of("etcd_version", tarball.version(),
                    "etcd_download_url", tarball.uri().toString(), "etcd_binary_checksum", tarball.sha256())).toString();
            Path knownHosts = Files.copy(lab.knownHosts(), dir.resolve("known_hosts"));

            Cmd.Result install = installed("install", "-i", inventory, "--known-hosts", knownHosts.toString(), "--yes");
            assertThat(install.exit()).as(install.describe()).isZero();
            assertThat(install.out()).contains("cluster healthy: 3/3 healthy");
            System.out.println("installed quorum install (3 lab hosts): " + install.millis() + " ms");

            Cmd.Result status = installed("status", "-i", inventory, "--known-hosts", knownHosts.toString());
            assertThat(status.exit()).as(status.describe()).isZero();
            assertThat(status.out().lines().findFirst().orElseThrow()).contains("3/3 healthy");
            String version = tarball.version().replaceFirst("^v", "");
            assertThat(status.out().lines().filter(l -> l.matches(".*\\s" + java.util.regex.Pattern.quote(version) + "\\s.*")))
                    .as(status.out()).hasSize(3);
            assertThat(status.out()).contains("leader");
            System.out.println("installed quorum status: " + status.millis() + " ms");
        }
    }

    @Test
    @Order(3)
    void shipsTheDesktopEntryAndIcon() throws IOException {
        Path entry = APP_DIR.resolve("lib/quorum-Quorum.desktop");
        assertThat(Files.readString(entry)).contains("Name=Quorum").contains("Exec=/opt/quorum/bin/Quorum")
                .contains("Icon=/opt/quorum/lib/Quorum.png").contains("Categories=System;Network;");
        assertThat(APP_DIR.resolve("lib/Quorum.png")).isNotEmptyFile();
        // the CLI launcher's entry (jpackage makes one per launcher) stays out of the menu (decision 0053)
        assertThat(Files.readString(APP_DIR.resolve("lib/quorum-quorum-cli.desktop"))).contains("NoDisplay=true")
                .contains("Exec=/opt/quorum/bin/quorum-cli");
        assertThat(Files.readSymbolicLink(COMMAND)).isEqualTo(APP_DIR.resolve("bin/quorum-cli"));
        assertThat(Files.readString(APP_DIR.resolve("lib/app/Quorum.cfg"))).contains("java-options=-XX:TieredStopAtLevel=1");
        assertThat(Files.readString(APP_DIR.resolve("lib/app/quorum-cli.cfg"))).doesNotContain("TieredStopAtLevel");
        if (Files.isDirectory(Path.of("/etc/xdg/menus"))) {
            assertThat(Path.of("/usr/share/applications/quorum-Quorum.desktop")).exists();
        } else {
            System.out.println("no /etc/xdg/menus (no desktop here): the menu entry is not registered, as the postinst warns");
        }
    }

    @Test
    @Order(4)
    void withoutArgumentsTheAppOpensItsWindow() throws Exception {
        assertThat(PackageFiles.hasDesktopApp(APP_DIR)).as("the installed jar holds the desktop app").isTrue();
        try (XvfbDisplay x = XvfbDisplay.start(Duration.ofSeconds(20))) {
            // the desktop launcher, what the menu entry runs
            long millis = AppWindow.timeToWindow(APP_DIR.resolve("bin/Quorum"), x, env, dir.resolve("app.log"),
                    Duration.ofSeconds(90));
            System.out.println("installed app: window \"Quorum\" after " + millis + " ms");
        }
    }

    @Test
    @Order(5)
    void removesCleanly() {
        Cmd.Result removed = Dpkg.remove(PACKAGE);
        assertThat(removed.ok()).as(removed.describe()).isTrue();
        assertThat(APP_DIR).doesNotExist();
        assertThat(COMMAND).doesNotExist();
        assertThat(Path.of("/usr/share/applications/quorum-Quorum.desktop")).doesNotExist();

        Cmd.Result purged = Dpkg.purge(PACKAGE);
        assertThat(purged.ok()).as(purged.describe()).isTrue();
        assertThat(Dpkg.status(PACKAGE)).isEmpty();
        System.out.println("dpkg -r + --purge: " + (removed.millis() + purged.millis()) + " ms");
    }

    private static Cmd.Result installed(String... args) {
        return Cmd.run(CLI_TIMEOUT, env, Stream.concat(Stream.of(COMMAND.toString()), Stream.of(args)).toList());
    }

    private static void assumeOrSkip(boolean met, String reason) {
        if (!met) {
            System.out.println("DebPackageLabTest skipped: " + reason);
        }
        Assumptions.assumeTrue(met, reason);
    }

}
