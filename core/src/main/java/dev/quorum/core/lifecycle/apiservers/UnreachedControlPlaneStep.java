package dev.quorum.core.lifecycle.apiservers;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import java.util.List;
import java.util.Map;

/**
 * A control plane that did not answer when the plan was made: its kube-apiserver may still point at etcd members
 * that are gone. Unknown is not success, so this step fails, naming the host and what to do; it changes nothing.
 */
final class UnreachedControlPlaneStep implements Step {
    private final Map<String, String> unreached;
    private final ApiserverRequest request;
    private final String rerun;

    UnreachedControlPlaneStep(Map<String, String> unreached, ApiserverRequest request, String rerun) {
        this.unreached = Map.copyOf(unreached);
        this.request = request;
        this.rerun = rerun;
    }

    @Override
    public String title() {
        return "Control planes NOT reached: " + request.flag().flagName() + " unknown";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("# " + target + " did not answer over SSH: " + unreached.getOrDefault(target, "unknown"));
    }

    @Override
    public Check check(StepContext context) throws StepFailedException {
        String host = context.target();
        throw new StepFailedException(host + " was NOT reached (" + unreached.getOrDefault(host, "unknown")
                + "): its kube-apiserver " + request.flag().flagName() + " is unknown and was not updated",
                "once " + host + " answers over SSH, run " + rerun + " (hosts already updated check ok); or set "
                        + request.flagText() + " in " + ApiserverFiles.MANIFEST + " on " + host + " by hand");
    }

    @Override
    public void apply(StepContext context) {
        // check() always fails: nothing can be done on a host that cannot be reached
    }
}
