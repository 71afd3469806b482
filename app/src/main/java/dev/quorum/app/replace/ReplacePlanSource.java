package dev.quorum.app.replace;

import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.lifecycle.members.MemberChange;
import dev.quorum.core.lifecycle.members.MemberPlans;
import dev.quorum.core.lifecycle.members.ReplaceRequest;
import java.nio.file.Path;

/** The replace wizard's plan: exactly {@code quorum replace --member OLD --with NEW [--keep-name]}'s. */
final class ReplacePlanSource extends SessionPlanSource {
    private final String oldMember;
    private final String newHost;
    private final boolean keepName;

    ReplacePlanSource(Path inventory, WizardServices services, String oldMember, String newHost, boolean keepName) {
        super(inventory, services);
        this.oldMember = oldMember;
        this.newHost = newHost;
        this.keepName = keepName;
    }

    @Override
    public PreparedPlan build(int part) throws Exception {
        MemberChange change = MemberPlans.replace(session(), new ReplaceRequest(oldMember, newHost, keepName));
        return new PreparedPlan(change.plan(), change.afterwards());
    }
}
