package dev.quorum.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.Main;
import dev.quorum.core.workspace.QuorumHome;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHosts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's resident memory over a long watch: {@code quorum gui -i} on a 5-member cluster of lab hosts, its status
 * read every second and every member's metrics every 10 s for the Charts tab, with a write every 10 s so the
 * lines move. Issue 19's goal: at most 350 MiB, and no growth over an hour ({@code -Dquorum.bench.minutes}, 60 by
 * default). The app runs with the JVM options it is launched with (the jpackage arguments, {@link GuiJavaOptions});
 * beside it, on the same cluster at the same time, the app with other options, to show which of them matter.
 * Writes its section of docs/benchmarks-app.md.
 */
@Tag("benchmark")
@LabHosts(count = 5)
@Timeout(value = 3, unit = TimeUnit.HOURS)
class ChartsMemoryBenchmark {
    private static final int MINUTES = Integer.getInteger("quorum.bench.minutes", 60);
    private static final int SAMPLE_SECONDS = 10;
    /** The JVM's start, the first status and the first scrapes: not what a long watch holds. */
    private static final int WARM_UP_SECONDS = 60;
    /** Growth is the last ten minutes against the first ten (a fifth of shorter watches). */
    private static final int WINDOW_SAMPLES = 600 / SAMPLE_SECONDS;
    /**
     * The charts' lines span 15 minutes and fill until then (decision 0053): growth before that is the charts
     * filling, not a leak. The first sample after the lines are full.
     */
    private static final int CHARTS_FULL_SAMPLE = (15 * 60 - WARM_UP_SECONDS) / SAMPLE_SECONDS;
    private static final List<String> HEADLESS = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw");

    static Lab lab;
    @TempDir
    static Path dir;

    @Test
    void residentMemoryWatchingFiveMembersWithCharts() throws Exception {
        EtcdTarball tarball = EtcdTarball.get();
        Path inventory = lab.writeInventory(dir.resolve("inventory"), Map.of("etcd_version", tarball.version(),
                "etcd_download_url", tarball.uri().toString(), "etcd_binary_checksum", tarball.sha256()), 5);
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
        Path home = dir.resolve("home");
        List<String> where = List.of("-i", inventory.toString(), "--known-hosts", knownHosts.toString());
        Process install = new ProcessBuilder(command(home, List.of(), "install", "--yes --accept-new-host-keys", where))
                .redirectErrorStream(true).redirectOutput(dir.resolve("install.log").toFile()).start();
        if (!install.waitFor(10, TimeUnit.MINUTES)) {
            install.destroyForcibly();
            throw new AssertionError("install still running after 10 min: " + Files.readString(dir.resolve("install.log")));
        }
        assertThat(install.exitValue()).as(Files.readString(dir.resolve("install.log"))).isZero();

        List<String> launched = GuiJavaOptions.read();
        // Three JVMs, not more: the machine has two cores and is shared (decision 0053 dropped JVM defaults, C1 alone
        // (now as launched) and two malloc arenas, measured in earlier runs).
        List<WatchVariant> all = List.of(
                new WatchVariant("as launched", launched, Map.of()),
                new WatchVariant("the CLI launcher's options (the app's before decision 0053)", GuiJavaOptions.cli(),
                        Map.of()),
                new WatchVariant("as launched, with Native Memory Tracking",
                        WatchVariant.plus(launched, NativeMemoryDiff.OPTION), Map.of()),
                new WatchVariant("as launched but without trimming the native heap (before decision 0057)",
                        launched.stream().filter(o -> !o.startsWith("-XX:TrimNativeHeapInterval")).toList(), Map.of()));
        // -Dquorum.bench.variants=0,2: only those (indexes above), for a shorter look that leaves the machine's
        // other core to others; the default is the three the hour of decision 0053 ran.
        List<WatchVariant> variants = Stream.of(System.getProperty("quorum.bench.variants", "0,1,2").split(","))
                .map(String::strip).map(Integer::parseInt).map(all::get).toList();
        int tracked = variants.indexOf(all.get(2));
        String nativeGrowth = "not measured (the watch ended before its first window)";
        List<Process> apps = new ArrayList<>();
        List<Double> load = new ArrayList<>();
        // Every minute's samples as they come, so that a long watch cut short still leaves its figures.
        Path raw = Path.of("target", "charts-memory-samples.csv");
        Files.deleteIfExists(raw);
        try {
            for (int v = 0; v < variants.size(); v++) {
                apps.add(start(variants.get(v), copy(home, dir.resolve("home-" + v)), where, dir.resolve("app-" + v + ".log")));
            }
            int samples = MINUTES * 60 / SAMPLE_SECONDS;
            for (int i = 0; i < samples; i++) {
                Thread.sleep(SAMPLE_SECONDS * 1000L);
                lab.host(i % 5).exec("/usr/local/bin/etcdctl.sh put watch-" + i + " " + i).requireOk("put a key");
                boolean counted = (i + 1) * SAMPLE_SECONDS > WARM_UP_SECONDS;
                boolean minute = (i + 1) % (60 / SAMPLE_SECONDS) == 0;
                for (int v = 0; v < variants.size(); v++) {
                    assertThat(apps.get(v).isAlive()).as(Files.readString(dir.resolve("app-" + v + ".log"))).isTrue();
                    if (counted) {
                        variants.get(v).resident().add(AppBenchmark.residentMiB(apps.get(v).pid()));
                    }
                    if (counted && minute) {
                        JvmSample sample = JvmSample.of(apps.get(v).pid());
                        variants.get(v).heap().add(sample);
                        Files.writeString(raw, String.format(Locale.ROOT, "%d,%s,%s%n", i, variants.get(v).name(),
                                sample), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                }
                if (minute) {
                    load.add(Double.parseDouble(TimedProcess.loadAverage()));
                }
                // the same moments growth is measured between: the end of the first window, then the end
                if (tracked < 0) {
                    continue;
                }
                if (counted && variants.get(tracked).resident().size() == WINDOW_SAMPLES) {
                    NativeMemoryDiff.baseline(apps.get(tracked).pid());
                } else if (i == samples - 1 && variants.get(tracked).resident().size() > WINDOW_SAMPLES) {
                    nativeGrowth = NativeMemoryDiff.since(apps.get(tracked).pid());
                }
            }
            for (int v = 0; v < variants.size(); v++) {
                assertThat(Files.readString(dir.resolve("app-" + v + ".log"))).doesNotContain("Exception");
            }
        } finally {
            stopAll(apps);
        }
        report(variants, tracked, load, nativeGrowth);
    }

    private void report(List<WatchVariant> variants, int tracked, List<Double> load, String nativeGrowth)
            throws IOException {
        AppBenchmarkReport report = new AppBenchmarkReport("benchmarks-app.md",
                "Resident memory watching 5 lab members with charts",
                "`quorum gui -i` (headless) on a 5-member TLS cluster of lab hosts for " + MINUTES + " min: the status "
                        + "read every second, every member's /metrics every 10 s into the Charts tab's history and lines "
                        + "(the tab itself not on screen: nothing clicks a headless process), a key written every 10 s. "
                        + variants.size() + " apps watched the cluster at the same time, each with its own copy of "
                        + "the Quorum home: the first with the JVM options the app is launched with (the "
                        + "`--java-options` lines of installer/src/jpackage/image-common.args, which `./quorum gui` "
                        + "reads too), the others for comparison. VmRSS every " + SAMPLE_SECONDS + " s after the first "
                        + WARM_UP_SECONDS + " s; heap and metaspace from `jstat -gc` once a minute; growth is the "
                        + "median of the last 10 minutes against the first 10 (a fifth of the watch each when it is shorter than "
                        + "50 min). 1-minute load average once a minute: "
                        + String.format(Locale.ROOT, "median %.2f, max %.2f", Figures.of(load).median(),
                        Figures.of(load).max()) + " (shared machine: other helpers' lab tests ran meanwhile).");
        for (WatchVariant variant : variants) {
            List<Double> rss = variant.resident();
            int window = Math.min(WINDOW_SAMPLES, Math.max(1, rss.size() / 5));
            Figures first = Figures.of(rss.subList(0, window));
            Figures last = Figures.of(rss.subList(rss.size() - window, rss.size()));
            List<JvmSample> heap = variant.heap();
            List<JvmSample> lastHeap = heap.subList(Math.max(0, heap.size() - Math.max(1, window / 6)), heap.size());
            report.row(variant.name() + ": resident set", Figures.of(rss).format("MiB"),
                    variant.describe() + (variant == variants.get(0) ? "; goal: at most 350 MiB" : ""))
                    .row(variant.name() + ": growth", String.format(Locale.ROOT,
                            "first %s min median %.1f MiB, last %s min median %.1f MiB: %+.1f MiB", minutes(window),
                            first.median(), minutes(window), last.median(), last.median() - first.median()),
                            "goal: none");
            if (rss.size() >= CHARTS_FULL_SAMPLE + 2 * window) {
                Figures full = Figures.of(rss.subList(CHARTS_FULL_SAMPLE, CHARTS_FULL_SAMPLE + window));
                report.row(variant.name() + ": growth once the charts are full", String.format(Locale.ROOT,
                        "minutes 15-%s median %.1f MiB, last %s min median %.1f MiB: %+.1f MiB",
                        minutes(CHARTS_FULL_SAMPLE + window + WARM_UP_SECONDS / SAMPLE_SECONDS), full.median(),
                        minutes(window), last.median(), last.median() - full.median()),
                        "the charts' 15-minute lines are full from minute 15; issue 19's goal: no growth");
            }
            report.row(variant.name() + ": heap, last " + minutes(window) + " min", String.format(Locale.ROOT,
                            "used median %.1f MiB (max %.1f), committed median %.1f MiB (max %.1f), metaspace %.1f MiB",
                            median(lastHeap, JvmSample::heapUsedMiB), Figures.of(heap.stream().map(JvmSample::heapUsedMiB).toList()).max(),
                            median(lastHeap, JvmSample::heapCommittedMiB),
                            Figures.of(heap.stream().map(JvmSample::heapCommittedMiB).toList()).max(),
                            median(lastHeap, JvmSample::metaspaceMiB)), "max over the whole watch");
        }
        if (tracked >= 0) {
            report.row(variants.get(tracked).name() + ": where the growth went", nativeGrowth,
                "JVM's own accounting (Native Memory Tracking) from the end of the first 10 min to the end; "
                        + "tracking itself costs a few MiB");
        }
        report.write();
    }

    private static String minutes(int samples) {
        return new java.text.DecimalFormat("0.#", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(samples * SAMPLE_SECONDS / 60.0);
    }

    private static double median(List<JvmSample> samples, java.util.function.ToDoubleFunction<JvmSample> what) {
        return Figures.of(samples.stream().map(what::applyAsDouble).toList()).median();
    }

    private static Process start(WatchVariant variant, Path home, List<String> where, Path log) throws IOException {
        List<String> jvm = new ArrayList<>(variant.jvmOptions());
        jvm.addAll(HEADLESS);
        ProcessBuilder builder = new ProcessBuilder(command(home, jvm, "gui", null, where));
        builder.environment().putAll(variant.environment());
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * Every app ended before the test returns, killed if SIGTERM did not end it in 10 s, with whatever it started: an
     * app left running (the JVM's exit waited only 10 s for each before) kept the lab's hosts busy while they were
     * torn down and outlived the surefire fork.
     */
    private static void stopAll(List<Process> apps) throws InterruptedException {
        apps.forEach(Process::destroy);
        for (Process app : apps) {
            if (!app.waitFor(10, TimeUnit.SECONDS)) {
                System.err.println("app " + app.pid() + " still running 10 s after SIGTERM: killed");
                app.descendants().forEach(ProcessHandle::destroyForcibly);
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.filter(file -> Files.isDirectory(file) || Files.isRegularFile(file)).forEach(file -> {
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()),
                            java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }

    private static List<String> command(Path home, List<String> jvmArgs, String command, String flag, List<String> where) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-D" + QuorumHome.PROPERTY + "=" + home));
        line.addAll(jvmArgs);
        line.add(Main.class.getName());
        line.add(command);
        if (flag != null) {
            line.addAll(List.of(flag.split(" ")));
        }
        line.addAll(where);
        return line;
    }
}
