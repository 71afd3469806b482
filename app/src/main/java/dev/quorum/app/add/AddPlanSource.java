package dev.quorum.app.add;

import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.lifecycle.members.AddRequest;
import dev.quorum.core.lifecycle.members.MemberPlans;
import java.nio.file.Path;
import java.util.List;

/**
 * The add wizard's plans: exactly {@code quorum add --host A --host B}'s, one plan per host, each
 * built when the previous join has finished.
 */
final class AddPlanSource extends SessionPlanSource {
    private final List<String> hosts;

    AddPlanSource(Path inventory, WizardServices services, List<String> hosts) {
        super(inventory, services);
        this.hosts = List.copyOf(hosts);
    }

    @Override
    public int parts() {
        return hosts.size();
    }

    @Override
    public PreparedPlan build(int part) throws Exception {
        return PreparedPlan.of(MemberPlans.add(session(), new AddRequest(hosts.get(part))));
    }
}
