package dev.quorum.app.upgrade;

import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.lifecycle.upgrade.EventsUpgradePlans;
import dev.quorum.core.lifecycle.upgrade.ObservedCluster;
import dev.quorum.core.lifecycle.upgrade.UpgradePlans;
import dev.quorum.core.lifecycle.upgrade.UpgradeRequest;
import dev.quorum.core.release.EtcdVersion;
import java.nio.file.Path;

/**
 * What {@code quorum upgrade --plan} decides from: core observes the cluster (etcd and SSH) and its
 * planner decides; the cluster version comes from the members' status.
 */
final class LiveUpgradeReading implements UpgradeReading {
    private final WizardServices services;

    LiveUpgradeReading(WizardServices services) {
        this.services = services;
    }

    @Override
    public UpgradeOutlook read(Path inventory, UpgradeRequest request) {
        if (services.layout() == ClusterLayout.EVENTS) {
            return readEvents(inventory, request);
        }
        try (ClusterSession session = SessionPlanSource.open(inventory, services)) {
            EtcdVersion target = UpgradePlans.target(session.inventory());
            ObservedCluster observed = UpgradePlans.observe(session, request);
            return UpgradeOutlook.of(observed, LiveCluster.read(session).probe(session).clusterVersion(), target,
                    UpgradePlans.decide(session, observed, request));
        }
    }

    /** As {@code quorum upgrade --cluster events}: from the main cluster's session, which decides the version. */
    private UpgradeOutlook readEvents(Path inventory, UpgradeRequest request) {
        try (ClusterSession main = UpgradePlanSource.openMain(inventory, services)) {
            ClusterSession events = main.sibling(main.inventory().cluster(ClusterLayout.EVENTS));
            return EventsUpgradeOutlook.of(UpgradePlans.observe(events, request),
                    LiveCluster.read(events).probe(events).clusterVersion(), UpgradePlans.target(main.inventory()),
                    EventsUpgradePlans.refusals(main, request));
        }
    }
}
