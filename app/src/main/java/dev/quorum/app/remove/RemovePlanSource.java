package dev.quorum.app.remove;

import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.lifecycle.members.MemberChange;
import dev.quorum.core.lifecycle.members.MemberPlans;
import dev.quorum.core.lifecycle.members.RemoveRequest;
import java.nio.file.Path;

/** The remove wizard's plan: exactly {@code quorum remove --member M}'s. */
final class RemovePlanSource extends SessionPlanSource {
    private final String member;

    RemovePlanSource(Path inventory, WizardServices services, String member) {
        super(inventory, services);
        this.member = member;
    }

    @Override
    public PreparedPlan build(int part) throws Exception {
        MemberChange change = MemberPlans.remove(session(), new RemoveRequest(member));
        return new PreparedPlan(change.plan(), change.afterwards());
    }
}
