package dev.quorum.app.cli;

import dev.quorum.core.sandbox.Sandbox;
import dev.quorum.core.sandbox.SandboxStatus;
import dev.quorum.core.workspace.QuorumHome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sandbox",
        description = {"A local 3-member TLS etcd cluster on 127.77.0.1-3 (this machine's loopback), to try Quorum.",
                "Its inventory: ~/.quorum/sandbox/inventory/hosts.yaml (quorum status -i ... works on it)."})
final class SandboxCommand implements Callable<Integer> {
    enum Action { start, stop, status, reset }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION",
            description = "start (idempotent), stop (data kept), status, or reset (stop and move the data aside).")
    Action action;

    @Option(names = "--etcd-tarball", paramLabel = "FILE",
            description = "etcd release tarball to run (default: newest in ~/.quorum/cache/releases, else etcd on the PATH).")
    Path tarball;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        QuorumHome home = QuorumHome.fromEnvironment();
        Sandbox sandbox = new Sandbox(home, Optional.ofNullable(tarball));
        PlanExecution execution = new PlanExecution(out, home);
        int exit = switch (action) {
            case start -> execution.apply(sandbox.startPlan(), true);
            case stop -> execution.apply(sandbox.stopPlan(), true);
            case reset -> execution.apply(sandbox.resetPlan(), true);
            case status -> ExitCodes.OK;
        };
        if (exit == ExitCodes.OK && action != Action.stop && action != Action.reset) {
            return printStatus(sandbox, out);
        }
        return exit;
    }

    private static int printStatus(Sandbox sandbox, PrintWriter out) {
        SandboxStatus status = sandbox.status(Duration.ofSeconds(3));
        out.println("Sandbox: " + status.sentence());
        for (SandboxStatus.Process process : status.processes()) {
            out.println(String.format("  %-6s %-12s %s", process.member().memberName(), process.member().address(),
                    process.pid().map(pid -> "running, pid " + pid).orElse("stopped")));
        }
        out.println("Inventory: " + sandbox.inventoryFile());
        out.flush();
        return status.runningCount() == 0 || status.cluster().map(c -> c.healthy()).orElse(false)
                ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
