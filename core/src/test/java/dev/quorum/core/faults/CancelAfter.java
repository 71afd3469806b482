package dev.quorum.core.faults;

import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.labtest.LabCluster;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs a plan and cancels it, as a user's Cancel (Ctrl-C) would, the moment the first step whose
 * title matches has finished on every target: the engine then skips the rest.
 */
final class CancelAfter {
    private CancelAfter() {
    }

    static LabCluster.Outcome step(LabCluster cluster, LabCluster.PlanFactory plan, Predicate<String> title) {
        Cancellation cancellation = new Cancellation();
        return cluster.run(plan, cluster.ssh(), RunMode.APPLY, cancellation, event -> {
            if (event instanceof RunEvent.StepFinished f && title.test(f.title())) {
                cancellation.cancel();
            }
        });
    }

    /** Titles of the steps that started, in order. */
    static List<String> started(LabCluster.Outcome outcome) {
        return outcome.events().stream().filter(e -> e instanceof RunEvent.StepStarted)
                .map(e -> ((RunEvent.StepStarted) e).title()).toList();
    }
}
