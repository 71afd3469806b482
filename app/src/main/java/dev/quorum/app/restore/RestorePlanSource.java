package dev.quorum.app.restore;

import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.disaster.RestorePlan;
import dev.quorum.core.lifecycle.disaster.RestoreRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The restore wizard's plan: exactly {@code quorum restore --snapshot FILE} or {@code --from-survivor HOST}'s. */
final class RestorePlanSource extends SessionPlanSource {
    private final RestoreRequest request;

    RestorePlanSource(Path inventory, WizardServices services, RestoreRequest request) {
        super(inventory, services);
        this.request = request;
    }

    @Override
    public PreparedPlan build(int part) throws Exception {
        String endpoints = session().inventory().etcdMembers().stream().map(EtcdMember::clientUrl)
                .collect(Collectors.joining(","));
        return new PreparedPlan(RestorePlan.build(session(), request), List.of(
                "The cluster has new member IDs and a new cluster ID; clients reconnect by endpoint: " + endpoints,
                "Old data dirs were kept as " + session().inventory().etcd().dataDir()
                        + ".before-restore-TIME on each host; remove them once you are sure."));
    }
}
