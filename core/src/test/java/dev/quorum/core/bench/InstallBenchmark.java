package dev.quorum.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunResult;
import dev.quorum.core.engine.Runner;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.lifecycle.install.InstallPlan;
import dev.quorum.core.remote.SshConnector;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabPreconditions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Times install on lab hosts and writes docs/benchmarks.md. Run with
 * {@code mvn -Pbench -pl core -am verify}. Wall time of the plan run, from the first SSH
 * connection to the verified cluster (the JVM start of the CLI is not included).
 */
@Tag("benchmark")
class InstallBenchmark {
    private static final int ROUNDS = 3;

    @Test
    void install(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(LabPreconditions.isRoot(), LabPreconditions.NOT_ROOT);
        LabPreconditions.requireTools();
        List<Long> three = new ArrayList<>();
        List<Long> rerun = new ArrayList<>();
        List<Long> five = new ArrayList<>();
        StepBreakdown fresh = new StepBreakdown();
        StepBreakdown again = new StepBreakdown();
        StepBreakdown freshFive = new StepBreakdown();
        for (int round = 0; round < ROUNDS; round++) {
            try (Lab lab = Lab.start(3)) {
                Path inventory = inventory(lab, dir.resolve("r3-" + round));
                three.add(timeInstall(lab, inventory, dir.resolve("home3-" + round), fresh));
                rerun.add(timeInstall(lab, inventory, dir.resolve("home3-" + round), again));
            }
            try (Lab lab = Lab.start(5)) {
                five.add(timeInstall(lab, inventory(lab, dir.resolve("r5-" + round)), dir.resolve("home5-" + round),
                        freshFive));
            }
        }
        BenchmarkReport report = new BenchmarkReport("Install on lab hosts", ROUNDS)
                .row("bare hosts to a healthy 3-member TLS cluster", three, "<= 5 s (issue 18)")
                .row("bare hosts to a healthy 5-member TLS cluster", five, "<= 1.3 x the 3-member time")
                .row("idempotent re-run on a healthy 3-member cluster", rerun, "<= 1 s (issue 18)")
                .note(fresh.table("bare hosts to a healthy 3-member TLS cluster"))
                .note(freshFive.table("bare hosts to a healthy 5-member TLS cluster"))
                .note(again.table("idempotent re-run on a healthy 3-member cluster"));
        report.write(Path.of(System.getProperty("quorum.docs", "../docs")).resolve("benchmarks.md"));
        assertThat(three).hasSize(ROUNDS);
    }

    private static Path inventory(Lab lab, Path dir) {
        EtcdTarball tarball = EtcdTarball.get();
        return lab.writeInventory(dir, Map.of("etcd_version", tarball.version(),
                "etcd_download_url", tarball.uri().toString(), "etcd_binary_checksum", tarball.sha256()));
    }

    private static long timeInstall(Lab lab, Path inventory, Path home, StepBreakdown breakdown) throws Exception {
        Files.createDirectories(home);
        SshOptions ssh = SshOptions.defaults().withKnownHostsFile(lab.knownHosts());
        CpuTime cpuBefore = CpuTime.now();
        long start = System.nanoTime();
        RunResult result;
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        try (ClusterSession session = new ClusterSession(new InventoryReader().read(inventory), new QuorumHome(home),
                new SshConnector(ssh))) {
            result = new Runner(events::add, 16, new Cancellation()).run(InstallPlan.build(session), RunMode.APPLY);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        CpuTime spent = CpuTime.now().since(cpuBefore);
        assertThat(result.succeeded()).as(result.failures().toString()).isTrue();
        breakdown.add(events, millis, spent);
        return millis;
    }
}
