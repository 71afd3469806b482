package dev.quorum.core.lifecycle.install;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunListener;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunResult;
import dev.quorum.core.engine.Runner;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.remote.SshConnector;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A lab turned into a Quorum cluster: inventory (etcd from Debian's binaries), workstation home, runs. */
final class LabCluster {
    final Lab lab;
    final Path dir;
    final QuorumHome home;
    final Path inventoryFile;

    LabCluster(Lab lab, Path dir, Map<String, Object> extraVars) {
        this.lab = lab;
        this.dir = dir;
        this.home = new QuorumHome(dir.resolve("home"));
        EtcdTarball tarball = EtcdTarball.get();
        Map<String, Object> vars = new HashMap<>();
        vars.put("etcd_version", tarball.version());
        vars.put("etcd_download_url", tarball.uri().toString());
        vars.put("etcd_binary_checksum", tarball.sha256());
        vars.putAll(extraVars);
        this.inventoryFile = lab.writeInventory(dir.resolve("inventory"), vars);
    }

    Inventory inventory() {
        return new InventoryReader().read(inventoryFile);
    }

    void editInventory(String from, String to) {
        try {
            Files.writeString(inventoryFile, Files.readString(inventoryFile).replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SshOptions ssh() {
        return SshOptions.defaults().withKnownHostsFile(lab.knownHosts()).withIdentityFiles(List.of(lab.privateKey()))
                .withConnectTimeout(Duration.ofSeconds(3));
    }

    ClusterSession session(SshOptions options) {
        return new ClusterSession(inventory(), home, new SshConnector(options));
    }

    Outcome install() {
        return run(ssh(), RunMode.APPLY, new Cancellation(), event -> { });
    }

    Outcome run(SshOptions options, RunMode mode, Cancellation cancellation, RunListener extra) {
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        try (ClusterSession session = session(options)) {
            Plan plan = InstallPlan.build(session, Duration.ofSeconds(40));
            RunResult result = new Runner(RunListener.all(events::add, extra), 8, cancellation).run(plan, mode);
            return new Outcome(result, List.copyOf(events));
        }
    }

    record Outcome(RunResult result, List<RunEvent> events) {
        String firstFailure() {
            return result.failures().isEmpty() ? "" : result.failures().get(0).target() + ": "
                    + result.failures().get(0).message() + " / " + result.failures().get(0).hint();
        }

        String log() {
            StringBuilder text = new StringBuilder();
            for (RunEvent event : events) {
                if (event instanceof RunEvent.TargetFinished f) {
                    text.append(f.step()).append(' ').append(f.target()).append(' ').append(f.status()).append(' ')
                            .append(f.message()).append('\n');
                } else if (event instanceof RunEvent.TargetOutput o) {
                    text.append("   ").append(o.target()).append(" | ").append(o.line()).append('\n');
                }
            }
            return text.toString();
        }
    }
}
