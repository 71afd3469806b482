package dev.quorum.app.add;

import dev.quorum.app.wizard.ApiserversFollowUp;
import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.lifecycle.members.AddRequest;
import dev.quorum.core.lifecycle.members.MemberChange;
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
        MemberChange change = MemberPlans.add(session(), new AddRequest(hosts.get(part)));
        // the result page offers the kube-apiserver update with the first part's members; with several hosts that
        // list would be short, so it is offered for one host only (quorum apiservers update covers the rest)
        return hosts.size() == 1 ? ApiserversFollowUp.offer(session(), PreparedPlan.of(change), change.membersAfter())
                : PreparedPlan.of(change);
    }
}
