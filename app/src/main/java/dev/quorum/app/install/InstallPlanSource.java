package dev.quorum.app.install;

import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.lifecycle.install.InstallPlan;
import dev.quorum.core.lifecycle.members.MemberChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The install wizard's plan: exactly {@code quorum install -i INVENTORY}'s. */
final class InstallPlanSource extends SessionPlanSource {

    InstallPlanSource(Path inventory, WizardServices services) {
        super(inventory, services);
    }

    @Override
    public PreparedPlan build(int part) {
        Plan plan = InstallPlan.build(session());
        // The members are the inventory's etcd group: tell what to point clients at, as after a member change.
        List<String> afterwards = new ArrayList<>(new MemberChange(plan, session().inventory().etcdMembers(),
                List.of(), List.of()).afterwards());
        afterwards.add("See it with: quorum status -i " + inventory());
        return new PreparedPlan(plan, afterwards);
    }
}
