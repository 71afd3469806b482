package dev.quorum.app.wizard;

import dev.quorum.app.common.ClusterSessions;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.inventory.InventoryReader;
import java.nio.file.Path;

/** A plan source over one cluster session, opened on first use from an inventory file. */
public abstract class SessionPlanSource implements PlanSource {
    private final Path inventory;
    private final WizardServices services;
    private ClusterSession session;

    protected SessionPlanSource(Path inventory, WizardServices services) {
        this.inventory = inventory;
        this.services = services;
    }

    protected Path inventory() {
        return inventory;
    }

    protected synchronized ClusterSession session() {
        if (session == null) {
            session = open(inventory, services);
        }
        return session;
    }

    /** What most wizards run: one plan, built from the session. */
    @FunctionalInterface
    public interface SessionPlan {
        PreparedPlan build(ClusterSession session) throws Exception;
    }

    /** A one-part plan source that builds {@code plan} against the inventory's cluster. */
    public static PlanSource of(Path inventory, WizardServices services, SessionPlan plan) {
        return new SessionPlanSource(inventory, services) {
            @Override
            public PreparedPlan build(int part) throws Exception {
                return plan.build(session());
            }
        };
    }

    /**
     * A session as the CLI opens one: the inventory read now, its cluster the wizard acts on (the events cluster as
     * {@code --cluster events} reads it), the SSH options of the app.
     */
    public static ClusterSession open(Path inventory, WizardServices services) {
        return ClusterSessions.open(new InventoryReader().read(inventory).cluster(services.layout()), services.home(),
                services.ssh());
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
