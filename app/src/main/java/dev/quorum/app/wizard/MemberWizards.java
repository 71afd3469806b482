package dev.quorum.app.wizard;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.members.MemberChange;
import java.nio.file.Path;
import java.util.List;

/**
 * What the wizards that take one member out (remove, replace) share: their first pages, with the inventory and the
 * member preselected when opened from the cluster picture, and a plan that is exactly the CLI's member change,
 * offering the kube-apiserver update after it.
 */
public final class MemberWizards {
    private MemberWizards() {
    }

    /** How a wizard's member change is planned from the session, as {@code MemberPlans} does for the CLI. */
    @FunctionalInterface
    public interface Change {
        MemberChange plan(ClusterSession session) throws Exception;
    }

    /**
     * The inventory page unless {@code inventoryPath} is given (then it is chosen), then {@code memberPage}.
     *
     * @param memberName the member to preselect (name or host), or null
     */
    public static List<WizardPage> pages(MemberChoice leaving, Path inventoryPath, String memberName, String intro,
                                         WizardPage memberPage) {
        List<WizardPage> pages = InventoryPage.unlessGiven(leaving.inventory(), inventoryPath, intro);
        leaving.preselectedProperty().set(memberName == null ? "" : memberName);
        pages.add(memberPage);
        return pages;
    }

    /** The plan of {@code change} against the chosen inventory's cluster, with the kube-apiserver update offered. */
    public static PlanSource plan(MemberChoice leaving, WizardServices services, Change change) {
        return SessionPlanSource.of(leaving.inventory().file(), services, session -> {
            MemberChange planned = change.plan(session);
            return ApiserversFollowUp.offer(session, PreparedPlan.of(planned), planned.membersAfter());
        });
    }
}
