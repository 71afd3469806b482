package dev.quorum.core.lifecycle.upgrade;

import java.util.List;

/** The pure planner's answer: refused (every guard that refuses, with its reason) or the plan's shape. */
public sealed interface UpgradeDecision {

    record Refused(List<UpgradeRefusal> refusals) implements UpgradeDecision {
        public Refused {
            refusals = List.copyOf(refusals);
            if (refusals.isEmpty()) {
                throw new IllegalArgumentException("a refusal needs a reason");
            }
        }
    }

    /** Every guard passed; {@link UpgradeShape#nothingToDo()} when every member already runs the target. */
    record Proceed(UpgradeShape shape) implements UpgradeDecision {
    }
}
