package dev.quorum.core.lifecycle.apiservers;

import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure: the control planes as observed + the request -> the plan. Each control plane with a manifest gets its own
 * step, so they run strictly one after the other (targets of one step run in parallel) and a failure stops the
 * rest while the others still serve. Control planes that did not answer come last and fail the run: their
 * {@code --etcd-servers} is unknown, so the run must not end as a success.
 */
public final class ApiserverPlanner {
    public static final String LIFECYCLE = "update kube-apiserver --etcd-servers";

    private ApiserverPlanner() {
    }

    /** @param rerun the command that finishes the job later, e.g. "quorum apiservers update -i hosts.yaml" */
    public static ApiserverPlan plan(String cluster, List<ControlPlaneObservation> observed, ApiserverRequest request,
                                     ControlPlaneAccess access, String rerun) {
        List<PlannedStep> steps = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> noManifest = new ArrayList<>();
        Map<String, String> unreached = new LinkedHashMap<>();
        for (ControlPlaneObservation o : observed) {
            switch (o.state()) {
                case MANIFEST -> updated.add(o.host());
                case NO_MANIFEST -> noManifest.add(o.host());
                case UNREACHABLE -> unreached.put(o.host(), o.detail());
            }
        }
        UpdateEtcdServersStep update = new UpdateEtcdServersStep(access, request, rerun);
        updated.forEach(host -> steps.add(PlannedStep.onEach(update, List.of(host))));
        if (!noManifest.isEmpty()) {
            steps.add(PlannedStep.onEach(new NoApiserverManifestStep(), noManifest));
        }
        if (!unreached.isEmpty()) {
            steps.add(PlannedStep.onEach(new UnreachedControlPlaneStep(unreached, request, rerun),
                    List.copyOf(unreached.keySet())));
        }
        return new ApiserverPlan(new Plan(LIFECYCLE, cluster, steps), updated, noManifest, unreached);
    }
}
