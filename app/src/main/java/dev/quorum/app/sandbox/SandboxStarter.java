package dev.quorum.app.sandbox;

import dev.quorum.core.engine.PlanRuns;
import dev.quorum.core.ActionableException;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunListener;
import dev.quorum.core.engine.RunResult;
import dev.quorum.core.sandbox.Sandbox;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;
import java.util.Optional;

/** Starts the sandbox as {@code quorum sandbox start} does (same plan, same run log). Blocks: background only. */
public final class SandboxStarter {
    private final QuorumHome home;

    public SandboxStarter(QuorumHome home) {
        this.home = home;
    }

    /** Starts what is not running and waits until healthy; returns the sandbox's inventory. */
    public Path start(RunListener live) {
        Sandbox sandbox = new Sandbox(home, Optional.empty());
        RunResult result = PlanRuns.apply(home, sandbox.startPlan(), live, new Cancellation()).result();
        if (!result.succeeded()) {
            RunEvent.TargetFinished first = result.failures().isEmpty() ? null : result.failures().get(0);
            throw new StartFailed(first == null ? "the sandbox did not start (" + result.outcome() + ")"
                    : first.target() + ": " + first.message(), first == null ? "" : first.hint());
        }
        return sandbox.inventoryFile();
    }

    /** The start plan failed; the message and hint come from the failing step. */
    public static final class StartFailed extends ActionableException {
        StartFailed(String message, String hint) {
            super(message, hint == null || hint.isBlank() ? "see the Tasks tab or ~/.quorum/sandbox/members/*/etcd.log" : hint);
        }
    }
}
