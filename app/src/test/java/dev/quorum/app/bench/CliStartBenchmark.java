package dev.quorum.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long a user waits for {@code quorum status} on a healthy 3-member cluster, whole process: the checkout's
 * launcher ({@code ./quorum}, with the JVM options it gives CLI commands) beside a plain {@code java -jar}. Writes
 * its section of docs/benchmarks.md. Needs the packaged jar ({@code mvn -pl app -am package -DskipTests}).
 */
@Tag("benchmark")
@LabHosts(count = 3)
@Timeout(1200)
class CliStartBenchmark {
    private static final int ROUNDS = Integer.getInteger("quorum.bench.rounds", 5);

    static Lab lab;
    @TempDir
    static Path dir;

    @Test
    void statusOnAHealthyCluster() throws Exception {
        Path checkout = Path.of("..").toAbsolutePath().normalize();
        Path launcher = checkout.resolve("quorum");
        Path jar = checkout.resolve("app/target/quorum.jar");
        assumeTrue(Files.isRegularFile(jar), "no app/target/quorum.jar: run mvn -pl app -am package -DskipTests first");
        EtcdTarball tarball = EtcdTarball.get();
        Path inventory = lab.writeInventory(dir.resolve("inventory"), Map.of("etcd_version", tarball.version(),
                "etcd_download_url", tarball.uri().toString(), "etcd_binary_checksum", tarball.sha256()));
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
        TimedProcess.Env env = new TimedProcess.Env(dir.resolve("home"));
        List<String> where = List.of("-i", inventory.toString(), "--known-hosts", knownHosts.toString());

        TimedProcess.Result install = env.run(launcher, "install", "--yes", "--accept-new-host-keys", where);
        assertThat(install.exit()).as(install.output()).isZero();
        Files.deleteIfExists(checkout.resolve("app/target/quorum-cli.jsa"));
        TimedProcess.Result training = env.run(launcher, "status", where);
        assertThat(training.exit()).as(training.output()).isZero();
        assertThat(checkout.resolve("app/target/quorum-cli.jsa")).exists();

        List<Double> plainTotal = new ArrayList<>();
        List<Double> plainFirst = new ArrayList<>();
        List<Double> launcherTotal = new ArrayList<>();
        List<Double> launcherFirst = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            TimedProcess.Result plain = env.runJava(jar, "status", where);
            assertThat(plain.exit()).as(plain.output()).isZero();
            assertThat(plain.output()).contains("3/3 healthy");
            plainTotal.add(plain.totalSeconds());
            plainFirst.add(plain.firstLineSeconds());
            TimedProcess.Result fast = env.run(launcher, "status", where);
            assertThat(fast.exit()).as(fast.output()).isZero();
            assertThat(fast.output()).contains("3/3 healthy");
            launcherTotal.add(fast.totalSeconds());
            launcherFirst.add(fast.firstLineSeconds());
        }
        new AppBenchmarkReport("benchmarks.md", "CLI start: quorum status on lab hosts",
                "`quorum status` on a healthy 3-member TLS cluster on lab hosts, whole process from fork to exit, "
                        + "alternating the two launches; " + ROUNDS + " rounds; 1-minute load average "
                        + TimedProcess.loadAverage() + " at the end (shared machine).")
                .row("`java -jar quorum.jar status`: to first line", Figures.of(plainFirst).format("s"), "default JVM options")
                .row("`java -jar quorum.jar status`: to exit", Figures.of(plainTotal).format("s"), "")
                .row("`./quorum status`: to first line", Figures.of(launcherFirst).format("s"),
                        "C1 only, class-data archive of Quorum's classes (decision 0036); goal <= 1 s")
                .row("`./quorum status`: to exit", Figures.of(launcherTotal).format("s"), "")
                .row("`./quorum status` writing the archive (first command after a build)",
                        String.format(java.util.Locale.ROOT, "%.1f s", training.totalSeconds()), "once per build")
                .write();
    }
}
