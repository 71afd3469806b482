package dev.quorum.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabPreconditions;
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
 * How long a user waits for {@code quorum install} on 3 bare lab hosts, whole process from fork to exit (issue 18's
 * "the same, whole CLI process" row): the checkout's launcher ({@code ./quorum}, with its class-data archive) and a
 * plain {@code java -jar}, alternating, each on fresh hosts. The inside-the-run figure is InstallBenchmark's (core).
 * Writes its section of docs/benchmarks.md. Needs the packaged jar ({@code mvn -pl app -am package -DskipTests}).
 */
@Tag("benchmark")
@Timeout(1800)
class InstallCliBenchmark {
    private static final int ROUNDS = Integer.getInteger("quorum.bench.rounds", 3);

    @TempDir
    Path dir;

    @Test
    void freshInstallOfThreeMembers() throws Exception {
        assumeTrue(LabPreconditions.isRoot(), LabPreconditions.NOT_ROOT);
        Path checkout = Path.of("..").toAbsolutePath().normalize();
        Path launcher = checkout.resolve("quorum");
        Path jar = checkout.resolve("app/target/quorum.jar");
        assumeTrue(Files.isRegularFile(jar), "no app/target/quorum.jar: run mvn -pl app -am package -DskipTests first");
        // the first command after a build writes the launcher's class-data archive: an install, not counted
        Files.deleteIfExists(checkout.resolve("app/target/quorum-cli.jsa"));
        double training = install("training", (env, args) -> env.run(launcher, "install", args));
        assertThat(checkout.resolve("app/target/quorum-cli.jsa")).exists();
        List<Double> plain = new ArrayList<>();
        List<Double> fast = new ArrayList<>();
        List<String> loads = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            plain.add(install("java-" + round, (env, args) -> env.runJava(jar, "install", args)));
            fast.add(install("launcher-" + round, (env, args) -> env.run(launcher, "install", args)));
            loads.add(TimedProcess.loadAverage());
        }
        new AppBenchmarkReport("benchmarks.md", "Install on lab hosts: whole CLI process",
                "`quorum install --yes` of a 3-member TLS cluster on 3 bare lab hosts (etcd " + EtcdTarball.get().version()
                        + "), whole process from fork to exit, alternating the two launches, fresh hosts each time; "
                        + ROUNDS + " rounds; 1-minute load average after each round: " + String.join(", ", loads)
                        + " (shared machine). Inside the run: \"Install on lab hosts\" above.")
                .row("`java -jar quorum.jar install`: to exit", Figures.of(plain).format("s"), "default JVM options")
                .row("`./quorum install`: to exit", Figures.of(fast).format("s"),
                        "the checkout's launcher with its class-data archive (decision 0036); goal <= 6 s (issue 18)")
                .row("`./quorum install` writing the archive (first command after a build)",
                        String.format(java.util.Locale.ROOT, "%.1f s", training), "once per build")
                .write();
    }

    private interface Launch {
        TimedProcess.Result run(TimedProcess.Env env, List<String> args) throws Exception;
    }

    /** One fresh 3-host lab and workstation store, one timed install on it. */
    private double install(String name, Launch launch) throws Exception {
        EtcdTarball tarball = EtcdTarball.get();
        try (Lab lab = Lab.start(3)) {
            Path inventory = lab.writeInventory(dir.resolve("inventory-" + name), Map.of("etcd_version",
                    tarball.version(), "etcd_download_url", tarball.uri().toString(),
                    "etcd_binary_checksum", tarball.sha256()));
            TimedProcess.Result result = launch.run(new TimedProcess.Env(dir.resolve("home-" + name)),
                    List.of("--yes", "-i", inventory.toString(), "--known-hosts", lab.knownHosts().toString()));
            assertThat(result.exit()).as(result.output()).isZero();
            assertThat(result.output()).contains("healthy");
            return result.totalSeconds();
        }
    }
}
