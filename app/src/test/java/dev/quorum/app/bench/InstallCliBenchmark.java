package dev.quorum.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabPreconditions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long a user waits for {@code quorum install} on 3 bare lab hosts, whole process from fork to exit (issue 18's
 * "the same, whole CLI process" row): the checkout's launcher ({@code ./quorum}, with its class-data archive) and a
 * plain {@code java -jar}, alternating, each on fresh hosts. Each run is split where its output shows it: fork to the
 * first line (the JVM's start, the command line, the inventory, the plan), first to last line (the run itself, which
 * InstallBenchmark in core measures from inside) and last line to exit (closing the clients, the JVM's exit).
 *
 * <p>{@code -Dquorum.bench.baseline=DIR}: another checkout of Quorum (built, e.g. the commit before a change) whose
 * launcher runs in each round too, right after this one's, for an A/B on the same hosts' conditions.
 * Writes its section of docs/benchmarks.md; every run's output with its line times goes to the test's output.
 * Needs the packaged jar ({@code mvn -pl app -am package -DskipTests}).
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
        Path jar = checkout.resolve("app/target/quorum.jar");
        assumeTrue(Files.isRegularFile(jar), "no app/target/quorum.jar: run mvn -pl app -am package -DskipTests first");
        Map<String, Launch> launches = new LinkedHashMap<>();
        launches.put("`java -jar quorum.jar install`", (env, args) -> env.runJava(jar, "install", args));
        launches.put("`./quorum install`", launcher(checkout));
        String baseline = System.getProperty("quorum.bench.baseline", "");
        if (!baseline.isBlank()) {
            Path other = Path.of(baseline).toAbsolutePath().normalize();
            assumeTrue(Files.isRegularFile(other.resolve("app/target/quorum.jar")), "no built jar in " + other);
            launches.put("baseline `./quorum install` (" + other.getFileName() + ")", launcher(other));
        }
        // the first command after a build writes the launcher's class-data archive: an install, not counted
        double training = trainedArchive(checkout);
        if (!baseline.isBlank()) {
            trainedArchive(Path.of(baseline).toAbsolutePath().normalize());
        }
        Map<String, List<Phases>> byLaunch = new LinkedHashMap<>();
        List<List<String>> perRound = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (var launch : launches.entrySet()) {
                TimedProcess.Result result = install(launch.getKey() + " round " + round, launch.getValue());
                Phases phases = Phases.of(result);
                byLaunch.computeIfAbsent(launch.getKey(), k -> new ArrayList<>()).add(phases);
                perRound.add(List.of(Integer.toString(round + 1), launch.getKey(), seconds(phases.toFirstLine()),
                        seconds(phases.working()), seconds(phases.afterLastLine()), seconds(phases.total()),
                        TimedProcess.loadAverage()));
            }
        }
        AppBenchmarkReport report = new AppBenchmarkReport("benchmarks.md", "Install on lab hosts: whole CLI process",
                "`quorum install --yes` of a 3-member TLS cluster on 3 bare lab hosts (etcd " + EtcdTarball.get().version()
                        + "), whole process from fork to exit, alternating the launches, fresh hosts each time; "
                        + ROUNDS + " rounds. Each run split by its output as read: fork to the first line (JVM start, "
                        + "command line, inventory, plan, clients' set-up), first to last line (the run), last line to "
                        + "exit (closing the clients, JVM exit). Inside the run: \"Install on lab hosts\" above.");
        for (var entry : byLaunch.entrySet()) {
            List<Phases> runs = entry.getValue();
            report.row(entry.getKey() + ": to exit", figures(runs, Phases::total), note(entry.getKey()))
                    .row(entry.getKey() + ": to first line", figures(runs, Phases::toFirstLine), "")
                    .row(entry.getKey() + ": first to last line", figures(runs, Phases::working), "")
                    .row(entry.getKey() + ": last line to exit", figures(runs, Phases::afterLastLine), "");
        }
        report.row("`./quorum install` writing the archive (first command after a build)",
                        String.format(Locale.ROOT, "%.1f s", training), "once per build")
                .table("Per round (seconds; 1-minute load average after the run, on a shared machine):",
                        List.of("round", "launch", "to first line", "first to last line", "last line to exit",
                                "to exit", "load"), perRound)
                .write();
    }

    private interface Launch {
        TimedProcess.Result run(TimedProcess.Env env, List<String> args) throws Exception;
    }

    /** One run split where its output shows it. */
    private record Phases(double toFirstLine, double working, double afterLastLine, double total) {
        static Phases of(TimedProcess.Result result) {
            return new Phases(result.firstLineSeconds(), result.lastLineSeconds() - result.firstLineSeconds(),
                    result.totalSeconds() - result.lastLineSeconds(), result.totalSeconds());
        }
    }

    private static Launch launcher(Path checkout) {
        Path script = checkout.resolve("quorum");
        return (env, args) -> env.run(script, "install", args);
    }

    /** Writes the checkout's class-data archive with an install, as the first command after a build does. */
    private double trainedArchive(Path checkout) throws Exception {
        Path archive = checkout.resolve("app/target/quorum-cli.jsa");
        Files.deleteIfExists(archive);
        double took = install("training " + checkout.getFileName(), launcher(checkout)).totalSeconds();
        assertThat(archive).exists();
        return took;
    }

    private static String note(String launch) {
        if (launch.startsWith("`java")) {
            return "default JVM options";
        }
        return launch.startsWith("baseline") ? "the other checkout's launcher and archive, same rounds"
                : "the checkout's launcher with its class-data archive (decision 0036); goal <= 6 s (issue 18)";
    }

    private static String figures(List<Phases> runs, ToDoubleFunction<Phases> phase) {
        return Figures.of(runs.stream().map(phase::applyAsDouble).toList()).format("s");
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** One fresh 3-host lab and workstation store, one timed install on it. */
    private TimedProcess.Result install(String name, Launch launch) throws Exception {
        EtcdTarball tarball = EtcdTarball.get();
        String folder = name.replaceAll("[^A-Za-z0-9]+", "-");
        try (Lab lab = Lab.start(3)) {
            Path inventory = lab.writeInventory(dir.resolve("inventory-" + folder), Map.of("etcd_version",
                    tarball.version(), "etcd_download_url", tarball.uri().toString(),
                    "etcd_binary_checksum", tarball.sha256()));
            TimedProcess.Result result = launch.run(new TimedProcess.Env(dir.resolve("home-" + folder), javaOptions()),
                    List.of("--yes", "-i", inventory.toString(), "--known-hosts", lab.knownHosts().toString()));
            System.out.println("== " + name + " (load " + TimedProcess.loadAverage() + ")\n" + result.timeline());
            assertThat(result.exit()).as(result.output()).isZero();
            assertThat(result.output()).contains("healthy");
            return result;
        }
    }

    /** {@code -Dquorum.bench.javaOptions="-Xlog:startuptime ..."}: extra JVM options for a look at every run. */
    private static List<String> javaOptions() {
        String options = System.getProperty("quorum.bench.javaOptions", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }
}
