package dev.quorum.core.engine;

import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;
import java.util.List;

/** Another Quorum process: holds a cluster's run lock, says so on stdout, and keeps it until killed. */
final class RunLockHoldingProcess {
    private RunLockHoldingProcess() {
    }

    public static void main(String[] args) throws Exception {
        RunLock held = RunLock.acquire(new QuorumHome(Path.of(args[0])), new Plan("upgrade", args[1], List.of()));
        System.out.println("held");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
        held.close();
    }
}
