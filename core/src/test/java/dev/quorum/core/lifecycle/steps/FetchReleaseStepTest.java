package dev.quorum.core.lifecycle.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.RecordingContext;
import dev.quorum.core.etcd.InitialClusterState;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.release.ReleaseFetcher;
import dev.quorum.core.release.Sha256;
import dev.quorum.core.remote.SshConnector;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A release without a checksum is used, but the run's log says so, fetched or cached, with the sha256 to pin. */
class FetchReleaseStepTest {
    @TempDir
    Path dir;

    @Test
    void unverifiedReleaseWarnsInTheRunLogWhenFetchedAndWhenCached() throws Exception {
        Path tarball = tarball();
        String sha = Sha256.of(tarball);
        FetchReleaseStep step = step("etcd_download_url: " + tarball);

        RecordingContext first = new RecordingContext();
        assertThat(step.check(first).needed()).isTrue();
        step.apply(first);
        assertThat(first.lines).anySatisfy(line -> assertThat(line).startsWith("WARN no etcd_binary_checksum in the "
                + "inventory: ").contains("is used unverified; to pin it, set etcd_binary_checksum: " + sha));

        RecordingContext again = new RecordingContext();
        assertThat(step.check(again).needed()).isFalse();
        assertThat(again.lines).singleElement().asString().startsWith("WARN no etcd_binary_checksum").contains(sha);
    }

    @Test
    void verifiedReleaseDoesNotWarn() throws Exception {
        Path tarball = tarball();
        FetchReleaseStep step = step("etcd_download_url: " + tarball + "\n    etcd_binary_checksum: " + Sha256.of(tarball));

        RecordingContext context = new RecordingContext();
        step.check(context);
        step.apply(context);

        assertThat(context.lines).noneMatch(line -> line.startsWith("WARN"));
    }

    private FetchReleaseStep step(String vars) throws IOException {
        Path file = dir.resolve("inventory/hosts.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "all:\n  vars:\n    etcd_version: v9.9.9\n    " + vars + "\n  hosts:\n"
                + "    node1: {ip: 10.0.0.1}\n  children:\n    etcd:\n      hosts:\n        node1:\n");
        var inventory = new InventoryReader("tester", dir).read(file);
        var cluster = new ClusterSession(inventory, new QuorumHome(dir.resolve("home")),
                new SshConnector(SshOptions.defaults()));
        return new FetchReleaseStep(new LifecycleSession(cluster, new ReleaseFetcher(dir.resolve("cache"),
                Duration.ofSeconds(5)), Duration.ofSeconds(1), inventory.etcdMembers(), InitialClusterState.NEW));
    }

    private Path tarball() throws IOException {
        Path file = dir.resolve("etcd-v9.9.9-linux-amd64.tar.gz");
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (String name : List.of("etcd", "etcdctl")) {
                byte[] content = ("binary " + name).getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry("etcd-v9.9.9-linux-amd64/" + name);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return file;
    }
}
