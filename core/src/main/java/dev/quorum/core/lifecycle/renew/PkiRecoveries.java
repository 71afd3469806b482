package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.engine.StepContext;
import dev.quorum.core.lifecycle.steps.LifecycleSession;

/**
 * Puts into the run log what loading the workstation's CA store recovered from an interrupted
 * CA rotation (a crash between the switch's renames, a file cut short), so the operator reads
 * what was found and done.
 */
final class PkiRecoveries {
    private PkiRecoveries() {
    }

    static void report(LifecycleSession session, StepContext context) {
        for (String note : session.cluster().takePkiRecoveries()) {
            context.warn("workstation CA store: " + note);
        }
    }
}
