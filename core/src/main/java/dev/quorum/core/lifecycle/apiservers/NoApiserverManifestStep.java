package dev.quorum.core.lifecycle.apiservers;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import java.util.List;

/** Names the control planes without a kube-apiserver static pod manifest: nothing of Quorum's to update there. */
final class NoApiserverManifestStep implements Step {
    @Override
    public String title() {
        return "Control planes without " + ApiserverFiles.MANIFEST + ": left as they are";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("# " + target + " has no " + ApiserverFiles.MANIFEST + "; nothing to change");
    }

    @Override
    public Check check(StepContext context) {
        context.info("no " + ApiserverFiles.MANIFEST + " on " + context.target()
                + ": if kube-apiserver runs there another way, update its --etcd-servers by hand");
        return Check.done("no kube-apiserver manifest, nothing to update");
    }

    @Override
    public void apply(StepContext context) {
        // check() never asks for a change
    }
}
