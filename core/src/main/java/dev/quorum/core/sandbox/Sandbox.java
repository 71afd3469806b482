package dev.quorum.core.sandbox;

import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The local sandbox's life: start, stop and reset are plans (run them with the engine's Runner,
 * so they are logged and re-runnable like any life-cycle); status reads the processes and etcd.
 */
public final class Sandbox {
    public static final String LIFECYCLE_START = "sandbox-start";
    public static final String LIFECYCLE_STOP = "sandbox-stop";
    public static final String LIFECYCLE_RESET = "sandbox-reset";

    private final SandboxLayout layout;
    private final Optional<Path> tarball;

    /** @param tarball an etcd release tarball to run; empty: the newest in the release cache, else etcd on the PATH */
    public Sandbox(QuorumHome home, Optional<Path> tarball) {
        this.layout = new SandboxLayout(home);
        this.tarball = tarball;
    }

    public SandboxLayout layout() {
        return layout;
    }

    /** The inventory the app and the CLI open the sandbox with (written by the start plan). */
    public Path inventoryFile() {
        return layout.inventoryFile();
    }

    /** Prepares, issues certificates, starts the members that are not running and waits for health. */
    public Plan startPlan() {
        EtcdBinary.Source etcd = EtcdBinary.locate(tarball, layout.home().releaseCache(), System.getenv("PATH"));
        SandboxContext context = new SandboxContext(layout, etcd);
        List<String> hosts = layout.hostNames();
        return new Plan(LIFECYCLE_START, SandboxLayout.CLUSTER_NAME, List.of(
                PlannedStep.onCluster(new PrepareStep(context)),
                PlannedStep.onEach(new CertificatesStep(context), hosts),
                PlannedStep.onEach(new StartMemberStep(context), hosts),
                PlannedStep.onCluster(new WaitHealthyStep(context))));
    }

    /** Stops every member; data, certificates and logs stay. */
    public Plan stopPlan() {
        return new Plan(LIFECYCLE_STOP, SandboxLayout.CLUSTER_NAME,
                List.of(PlannedStep.onCluster(new StopMembersStep(withoutBinary()))));
    }

    /** Stops every member and moves its data aside, so the next start makes a fresh cluster. */
    public Plan resetPlan() {
        SandboxContext context = withoutBinary();
        return new Plan(LIFECYCLE_RESET, SandboxLayout.CLUSTER_NAME, List.of(
                PlannedStep.onCluster(new StopMembersStep(context)),
                PlannedStep.onEach(new SetDataAsideStep(context), layout.hostNames())));
    }

    private SandboxContext withoutBinary() {
        return new SandboxContext(layout, new EtcdBinary.Source(Optional.empty(), Optional.empty()));
    }

    /** Which members run, and (when any does) what etcd says. */
    public SandboxStatus status(Duration timeout) {
        List<SandboxStatus.Process> processes = layout.members().stream()
                .map(m -> new SandboxStatus.Process(m, new MemberProcess(layout, m).running().map(ProcessHandle::pid)))
                .toList();
        boolean anyRunning = processes.stream().anyMatch(p -> p.pid().isPresent());
        Optional<ClusterStatus> cluster = anyRunning && Files.isRegularFile(layout.inventoryFile())
                ? Optional.of(SandboxProbe.probe(withoutBinary(), timeout)) : Optional.empty();
        return new SandboxStatus(processes, cluster);
    }
}
