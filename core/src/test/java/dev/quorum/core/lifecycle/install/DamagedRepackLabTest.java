package dev.quorum.core.lifecycle.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zstd repack damaged in the workstation's cache between the fetch and the upload (decision 0062): each host
 * refuses it (its binaries' sha256 or zstd's own check) and installs nothing from it, and the step's second attempt
 * sends the release's gzip tarball, which installs.
 */
@LabHosts(count = 3)
class DamagedRepackLabTest {
    static Lab lab;

    @Test
    void eachHostIsSentTheTarballOnceTheRepackArrivesDamaged(@TempDir Path dir) {
        LabCluster cluster = new LabCluster(lab, dir, Map.of());

        LabCluster.Outcome outcome = cluster.run(cluster.ssh(), RunMode.APPLY, new Cancellation(), event -> {
            if (event instanceof RunEvent.StepFinished finished && finished.title().startsWith("Fetch and verify")) {
                damageRepackIn(cluster.home.releaseCache());
            }
        });

        assertThat(outcome.result().succeeded()).as(outcome.log() + outcome.firstFailure()).isTrue();
        for (LabHost host : lab.hosts()) {
            List<String> lines = outcome.lines(host.name());
            assertThat(lines.stream().filter(line -> line.startsWith("sending "))).as(host.name()).satisfiesExactly(
                    first -> assertThat(first).endsWith(".tar.zst into tar on " + host.name()),
                    second -> assertThat(second).endsWith(".tar.gz again into tar on " + host.name()));
            assertThat(lines).anyMatch(line -> line.startsWith("the release arrived damaged on " + host.name()));
            assertThat(host.exec("etcdctl.sh endpoint health").ok()).as("health on " + host).isTrue();
        }
    }

    /** A run of zero bytes in the middle of the repack: same size, other content. */
    private static void damageRepackIn(Path cache) {
        try (var files = Files.list(cache)) {
            Path repack = files.filter(f -> f.getFileName().toString().endsWith(".tar.zst")).findFirst().orElseThrow();
            try (RandomAccessFile file = new RandomAccessFile(repack.toFile(), "rw")) {
                file.seek(file.length() / 2);
                file.write(new byte[4096]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
