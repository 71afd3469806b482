package dev.quorum.app.adopt;

import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.lifecycle.adopt.AdoptPlans;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The adopt wizard's plan: exactly {@code quorum adopt [--remove-ca-from-hosts]}'s. */
final class AdoptPlanSource extends SessionPlanSource {
    private final boolean removeCaKey;

    AdoptPlanSource(Path inventory, WizardServices services, boolean removeCaKey) {
        super(inventory, services);
        this.removeCaKey = removeCaKey;
    }

    @Override
    public PreparedPlan build(int part) {
        List<String> afterwards = new ArrayList<>(List.of("Adopted: the main window now shows the members, and "
                + "the Certificates tab every certificate (quorum status / quorum certs -i " + inventory() + ")."));
        if (!removeCaKey) {
            afterwards.add("ca-key.pem is still on the etcd hosts (Kubespray's habit). To take it off: this wizard "
                    + "again with the box ticked, or quorum adopt -i " + inventory() + " --remove-ca-from-hosts.");
        }
        return new PreparedPlan(AdoptPlans.adopt(session(), removeCaKey), afterwards);
    }
}
