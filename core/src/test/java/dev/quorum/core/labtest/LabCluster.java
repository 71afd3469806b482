package dev.quorum.core.labtest;

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
import dev.quorum.core.lifecycle.install.InstallPlan;
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
import java.util.Optional;

/** A lab turned into a Quorum cluster: inventory (the lab's etcd release, or the one given), workstation home, runs. */
public final class LabCluster {
    public final Lab lab;
    public final Path dir;
    public final QuorumHome home;
    public final Path inventoryFile;

    public LabCluster(Lab lab, Path dir, Map<String, Object> extraVars) {
        this(lab, dir, extraVars, lab.hosts().size());
    }

    /** Only the first {@code etcdCount} lab hosts in the etcd group; the others are spare. */
    public LabCluster(Lab lab, Path dir, Map<String, Object> extraVars, int etcdCount) {
        this(lab, dir, extraVars, etcdCount, EtcdTarball.get());
    }

    /** As above, with the etcd release of {@code tarball} (e.g. {@code EtcdTarball.require("3.5")}). */
    public LabCluster(Lab lab, Path dir, Map<String, Object> extraVars, int etcdCount, EtcdTarball tarball) {
        this.lab = lab;
        this.dir = dir;
        this.home = new QuorumHome(dir.resolve("home"));
        Map<String, Object> vars = new HashMap<>();
        vars.put("etcd_version", tarball.version());
        vars.put("etcd_download_url", tarball.uri().toString());
        vars.put("etcd_binary_checksum", tarball.sha256());
        vars.putAll(extraVars);
        this.inventoryFile = lab.writeInventory(dir.resolve("inventory"), vars, etcdCount);
    }

    public Inventory inventory() {
        return new InventoryReader().read(inventoryFile);
    }

    public void editInventory(String from, String to) {
        try {
            Files.writeString(inventoryFile, Files.readString(inventoryFile).replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SshOptions ssh() {
        return SshOptions.defaults().withKnownHostsFile(lab.knownHosts()).withIdentityFiles(List.of(lab.privateKey()))
                .withAgentSocket(Optional.empty()).withConnectTimeout(Duration.ofSeconds(3));
    }

    public ClusterSession session(SshOptions options) {
        return new ClusterSession(inventory(), home, new SshConnector(options));
    }

    public Outcome install() {
        return run(ssh(), RunMode.APPLY, new Cancellation(), event -> { });
    }

    public Outcome run(SshOptions options, RunMode mode, Cancellation cancellation, RunListener extra) {
        return run(session -> InstallPlan.build(session, Duration.ofSeconds(40)), options, mode, cancellation, extra);
    }

    /** Builds a plan on a fresh session and runs it. */
    public Outcome run(PlanFactory factory, SshOptions options, RunMode mode, Cancellation cancellation,
                       RunListener extra) {
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        try (ClusterSession session = session(options)) {
            Plan plan = factory.build(session);
            RunResult result = new Runner(RunListener.all(events::add, extra), 8, cancellation).run(plan, mode);
            return new Outcome(result, List.copyOf(events));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Outcome run(PlanFactory factory) {
        return run(factory, ssh(), RunMode.APPLY, new Cancellation(), event -> { });
    }

    /** Makes a plan from a session; may read the live cluster. */
    @FunctionalInterface
    public interface PlanFactory {
        Plan build(ClusterSession session) throws Exception;
    }

    public record Outcome(RunResult result, List<RunEvent> events) {
        public String firstFailure() {
            return result.failures().isEmpty() ? "" : result.failures().get(0).target() + ": "
                    + result.failures().get(0).message() + " / " + result.failures().get(0).hint();
        }

        /** The output lines the run's steps logged for {@code target}, in order. */
        public List<String> lines(String target) {
            return events.stream().filter(RunEvent.TargetOutput.class::isInstance)
                    .map(RunEvent.TargetOutput.class::cast).filter(line -> line.target().equals(target))
                    .map(RunEvent.TargetOutput::line).toList();
        }

        /** What each target of the step titled {@code title} finished with, in order. */
        public List<String> messages(String title) {
            List<Integer> steps = events.stream().filter(RunEvent.StepStarted.class::isInstance)
                    .map(RunEvent.StepStarted.class::cast).filter(s -> s.title().equals(title))
                    .map(RunEvent.StepStarted::step).toList();
            return events.stream().filter(RunEvent.TargetFinished.class::isInstance)
                    .map(RunEvent.TargetFinished.class::cast).filter(f -> steps.contains(f.step()))
                    .map(RunEvent.TargetFinished::message).toList();
        }

        public String log() {
            StringBuilder text = new StringBuilder();
            for (RunEvent event : events) {
                if (event instanceof RunEvent.TargetFinished f) {
                    text.append(f.step()).append(' ').append(f.target()).append(' ').append(f.status()).append(' ')
                            .append(f.message()).append(" (").append(f.took().toMillis()).append(" ms)").append('\n');
                } else if (event instanceof RunEvent.TargetOutput o) {
                    text.append("   ").append(o.target()).append(" | ").append(o.line()).append('\n');
                }
            }
            return text.toString();
        }
    }
}
