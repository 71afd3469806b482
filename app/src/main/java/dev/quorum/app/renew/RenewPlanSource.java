package dev.quorum.app.renew;

import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.lifecycle.certs.CertPlans;
import dev.quorum.core.lifecycle.certs.RenewalRequest;
import java.nio.file.Path;
import java.util.List;

/** The renew wizard's plan: exactly {@code quorum certs renew [--member H] [--all]}'s. */
final class RenewPlanSource extends SessionPlanSource {
    private final RenewalRequest request;

    RenewPlanSource(Path inventory, WizardServices services, RenewalRequest request) {
        super(inventory, services);
        this.request = request;
    }

    @Override
    public PreparedPlan build(int part) {
        return new PreparedPlan(CertPlans.renew(session(), request),
                List.of("The Certificates tab reads the certificates again now."));
    }
}
