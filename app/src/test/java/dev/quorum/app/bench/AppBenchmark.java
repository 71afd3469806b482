package dev.quorum.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quorum.app.Main;
import dev.quorum.app.cluster.ClusterPicture;
import dev.quorum.app.cluster.ClusterViewModel;
import dev.quorum.app.cluster.MemberActions;
import dev.quorum.app.cluster.MemberDetailsView;
import dev.quorum.app.cluster.MembersTable;
import dev.quorum.app.cluster.Statuses;
import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.app.shell.Fx;
import dev.quorum.app.tasks.LiveLogView;
import dev.quorum.app.tasks.LiveLogViewModel;
import dev.quorum.app.tasks.LogFeed;
import dev.quorum.core.engine.report.LogLine;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.LogLevel;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.Runner;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.sandbox.Sandbox;
import dev.quorum.core.workspace.QuorumHome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The desktop app's own figures; writes docs/benchmarks-app.md. See that file for how to run it. */
@Tag("benchmark")
@Timeout(600)
class AppBenchmark {
    private static final int START_ROUNDS = Integer.getInteger("quorum.bench.rounds", 5);
    private static final Pattern FIRST_FRAME = Pattern.compile("first frame (\\d+) ms");

    @TempDir
    Path home;

    @AfterEach
    void cleanUp() throws Exception {
        if (FxToolkit.isFXApplicationThreadRunning()) {
            FxToolkit.cleanupStages();
        }
    }

    private List<String> java(String... jvmArgs) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-D" + QuorumHome.PROPERTY + "=" + home));
        command.addAll(List.of(jvmArgs));
        command.add(Main.class.getName());
        return command;
    }

    private static final String[] HEADLESS = {"-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw"};

    private static double firstFrame(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Matcher m = FIRST_FRAME.matcher(out);
        assertThat(m.find()).as(out.toString()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void coldStartToFirstFrame() throws Exception {
        List<Double> headless = new ArrayList<>();
        List<Double> x11 = new ArrayList<>();
        boolean xvfb = Files.isExecutable(Path.of("/usr/bin/xvfb-run"));
        for (int i = 0; i < START_ROUNDS; i++) {
            List<String> command = java(HEADLESS);
            command.add(command.size() - 1, "-Dquorum.firstFrameProbe=true");
            headless.add(firstFrame(command));
            if (xvfb) {
                List<String> real = new ArrayList<>(List.of("/usr/bin/xvfb-run", "-a"));
                real.addAll(java("-Dquorum.firstFrameProbe=true"));
                x11.add(firstFrame(real));
            }
        }
        AppBenchmarkReport report = new AppBenchmarkReport("Cold start to first frame",
                "A fresh JVM runs `Main` with no arguments (the welcome screen); the app prints the time from JVM "
                        + "start (RuntimeMXBean) to its first animation pulse after the window is shown, then quits.")
                .row("headless (Monocle, software)", Figures.of(headless).format("ms"), START_ROUNDS + " JVMs");
        if (xvfb) {
            report.row("X11 window (GTK on Xvfb)", Figures.of(x11).format("ms"), "lab facts measured ~1 s by hand");
        }
        report.write();
    }

    @Test
    void residentMemoryWatchingTheSandbox() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/etcd")), "no etcd binary");
        Sandbox sandbox = new Sandbox(new QuorumHome(home), Optional.empty());
        Runner runner = new Runner(e -> { }, 3, new Cancellation());
        assertThat(runner.run(sandbox.startPlan(), RunMode.APPLY).succeeded()).isTrue();
        try {
            List<Double> defaults = watch(sandbox, HEADLESS);
            List<String> small = new ArrayList<>(List.of(HEADLESS));
            small.add("-Xmx128m");
            List<Double> capped = watch(sandbox, small.toArray(String[]::new));
            new AppBenchmarkReport("Resident memory watching the sandbox",
                    "`quorum gui -i` on the local sandbox (3 real etcd members), headless; VmRSS of the app's JVM "
                            + "sampled once a second from 15 s to 45 s after start (the status refreshes every "
                            + "second throughout).")
                    .row("default JVM heap settings", Figures.of(defaults).format("MiB"),
                            "default max heap here: " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB")
                    .row("-Xmx128m", Figures.of(capped).format("MiB"), "ran the same 45 s without error: the heap is not what the resident set is made of (JIT, metaspace, software renderer, jetcd/netty buffers, threads)")
                    .write();
        } finally {
            runner.run(sandbox.stopPlan(), RunMode.APPLY);
        }
    }

    private List<Double> watch(Sandbox sandbox, String... jvmArgs) throws Exception {
        List<String> command = java(jvmArgs);
        command.addAll(List.of("gui", "-i", sandbox.inventoryFile().toString()));
        Path log = home.resolve("app.log");
        Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            List<Double> rss = new ArrayList<>();
            for (int second = 0; second < 45; second++) {
                Thread.sleep(1_000);
                assertThat(app.isAlive()).as(Files.readString(log)).isTrue();
                if (second >= 15) {
                    rss.add(residentMiB(app.pid()));
                }
            }
            assertThat(Files.readString(log)).doesNotContain("Exception");
            return rss;
        } finally {
            app.destroy();
            app.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static double residentMiB(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    @Test
    void logViewAtTenThousandLinesPerSecond() throws Exception {
        FxTaskExecutor executor = new FxTaskExecutor(1);
        LogFeed feed = new LogFeed(LiveLogViewModel.DEFAULT_CAPACITY);
        LiveLogViewModel model = new LiveLogViewModel();
        model.attach(feed);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new LiveLogView(model, executor), 1000, 600));
            stage.show();
        });
        AtomicBoolean producing = new AtomicBoolean(true);
        int seconds = 10;
        Thread producer = new Thread(() -> {
            long start = System.nanoTime();
            int sent = 0;
            while (System.nanoTime() - start < seconds * 1_000_000_000L) {
                long due = (System.nanoTime() - start) / 100_000; // 10 lines per 1 ms
                while (sent < due) {
                    feed.add(new LogLine(Instant.now(), "node" + (sent % 5 + 1), "Chatty step", LogLevel.INFO,
                            "line " + sent + " of a chatty step with some text to render"));
                    sent++;
                }
                Fx.sleep(1);
            }
            producing.set(false);
        }, "producer");
        List<Double> roundTrips = new ArrayList<>();
        producer.start();
        while (producing.get()) {
            roundTrips.add(Fx.roundTrip().toNanos() / 1e6);
            Fx.sleep(20);
        }
        producer.join();
        executor.shutdown();
        new AppBenchmarkReport("Live log at 10,000 lines/s",
                "A background thread adds 10,000 lines a second for " + seconds + " s to a LiveLogView on screen "
                        + "(follow-tail on, 50,000-line cap, headless); every 20 ms the test posts a no-op to the FX "
                        + "thread and times how long it takes to run: the UI thread's stall.")
                .row("FX thread round trip", Figures.of(roundTrips).format("ms"), "goal: never near 100 ms")
                .row("lines kept", String.valueOf(Fx.get(model::size)), "capped at " + LiveLogViewModel.DEFAULT_CAPACITY)
                .write();
    }

    @Test
    void uiThreadCostOfAFiveMemberRefresh() throws Exception {
        ClusterViewModel model = new ClusterViewModel("bench", List.of(), ZoneOffset.UTC);
        Parent[] root = new Parent[1];
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            VBox box = new VBox(new HBox(new ClusterPicture(model, MemberActions.none()), new MemberDetailsView(model)),
                    new MembersTable(model, MemberActions.none()));
            root[0] = box;
            stage.setScene(new Scene(box, 1200, 780));
            stage.show();
        });
        ClusterStatus a = Statuses.of(1_000, "leader", "follower", "follower", "follower", "follower");
        ClusterStatus b = Statuses.of(1_050, "follower", "leader", "follower", "follower", "follower");
        Fx.run(() -> model.select(model.members().isEmpty() ? null : model.members().get(0)));
        List<Double> applyOnly = new ArrayList<>();
        List<Double> withLayout = new ArrayList<>();
        for (int i = 0; i < 550; i++) {
            ClusterStatus status = i % 2 == 0 ? a : b;
            double[] times = Fx.get(() -> {
                long t0 = System.nanoTime();
                model.apply(status, Instant.now());
                long t1 = System.nanoTime();
                root[0].applyCss();
                root[0].layout();
                long t2 = System.nanoTime();
                return new double[] {(t1 - t0) / 1e6, (t2 - t0) / 1e6};
            });
            if (i == 0) {
                Fx.run(() -> model.select(model.members().get(2)));
            }
            if (i >= 50) {
                applyOnly.add(times[0]);
                withLayout.add(times[1]);
            }
        }
        new AppBenchmarkReport("UI-thread cost of one refresh (5 members)",
                "On the FX thread: apply a 5-member ClusterStatus to the view model bound to the picture, the "
                        + "details and the members table (alternating two statuses in which the leader, terms and "
                        + "indexes change), then CSS and layout; 500 refreshes after 50 warm-up ones, headless.")
                .row("view model update (property changes and bound listeners)", Figures.of(applyOnly).format("ms"), "")
                .row("update + CSS + layout", Figures.of(withLayout).format("ms"), "rendering itself not included")
                .write();
    }
}
