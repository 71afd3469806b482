package dev.quorum.core.engine;

import java.util.List;

/**
 * One unit of work of a plan, run on each of its targets: check whether the change is needed,
 * apply it, then verify it. A check never changes anything, so a plan can be previewed and a
 * re-run skips what is already done.
 */
public interface Step {

    /** A short imperative title, e.g. "Install etcd binaries". */
    String title();

    /**
     * The commands this step amounts to on a target, so an operator can trust it or do it by hand.
     * Shown by {@code --plan} and the wizards' review page.
     */
    List<String> preview(String target);

    Check check(StepContext context) throws Exception;

    void apply(StepContext context) throws Exception;

    /** By default a change is verified by checking again: it must no longer be needed. */
    default void verify(StepContext context) throws Exception {
        Check after = check(context);
        if (after.needed()) {
            throw new StepFailedException("the change did not take effect: " + after.reason());
        }
    }
}
