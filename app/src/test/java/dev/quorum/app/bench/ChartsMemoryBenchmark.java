package dev.quorum.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.Main;
import dev.quorum.core.workspace.QuorumHome;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's resident memory over a long watch: {@code quorum gui -i} on a 5-member cluster of lab hosts, its status
 * read every second and every member's metrics every 10 s for the Charts tab, with a write every 10 s so the
 * lines move. Issue 19's goal: at most 350 MiB, and no growth over an hour ({@code -Dquorum.bench.minutes}, 60 by
 * default). Writes its section of docs/benchmarks-app.md.
 */
@Tag("benchmark")
@LabHosts(count = 5)
@Timeout(value = 3, unit = TimeUnit.HOURS)
class ChartsMemoryBenchmark {
    private static final int MINUTES = Integer.getInteger("quorum.bench.minutes", 60);
    private static final int SAMPLE_SECONDS = 10;
    /** The JVM's start, the first status and the first scrapes: not what a long watch holds. */
    private static final int WARM_UP_SECONDS = 60;

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
        assertThat(install.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(install.exitValue()).as(Files.readString(dir.resolve("install.log"))).isZero();

        Path log = dir.resolve("app.log");
        Process app = new ProcessBuilder(command(home, List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw"), "gui", null, where)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<Double> rss = new ArrayList<>();
        try {
            int samples = MINUTES * 60 / SAMPLE_SECONDS;
            for (int i = 0; i < samples; i++) {
                Thread.sleep(SAMPLE_SECONDS * 1000L);
                assertThat(app.isAlive()).as(Files.readString(log)).isTrue();
                lab.host(i % 5).exec("/usr/local/bin/etcdctl.sh put watch-" + i + " " + i).requireOk("put a key");
                if ((i + 1) * SAMPLE_SECONDS > WARM_UP_SECONDS) {
                    rss.add(AppBenchmark.residentMiB(app.pid()));
                }
            }
            assertThat(Files.readString(log)).doesNotContain("Exception");
        } finally {
            app.destroy();
            app.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(rss).hasSizeGreaterThan(2);
        int fifth = Math.max(1, rss.size() / 5);
        Figures first = Figures.of(rss.subList(0, fifth));
        Figures last = Figures.of(rss.subList(rss.size() - fifth, rss.size()));
        new AppBenchmarkReport("benchmarks-app.md", "Resident memory watching 5 lab members with charts",
                "`quorum gui -i` (headless, default JVM options) on a 5-member TLS cluster of lab hosts for " + MINUTES
                        + " min: the status read every second, every member's /metrics every 10 s into the Charts "
                        + "tab's history and lines (the tab itself not on screen: nothing clicks a headless process), "
                        + "a key written every 10 s; VmRSS every " + SAMPLE_SECONDS + " s after the first "
                        + WARM_UP_SECONDS + " s; 1-minute load average " + TimedProcess.loadAverage()
                        + " at the end (shared machine).")
                .row("whole watch", Figures.of(rss).format("MiB"), "goal: at most 350 MiB")
                .row("first fifth of the watch", first.format("MiB"), "")
                .row("last fifth of the watch", last.format("MiB"), String.format(Locale.ROOT,
                        "growth between the two medians: %+.1f MiB; goal: none", last.median() - first.median()))
                .write();
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
