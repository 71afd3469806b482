package dev.quorum.app.backups;

import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.common.ClusterSessions;
import dev.quorum.core.engine.PlanRuns;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunListener;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunResult;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.lifecycle.backup.pull.BackupLocation;
import dev.quorum.core.lifecycle.backup.pull.BackupPulls;
import dev.quorum.core.lifecycle.backup.pull.OffsiteStores;
import dev.quorum.core.lifecycle.backup.pull.PullRequest;
import dev.quorum.core.lifecycle.backup.BackupOverview;
import dev.quorum.core.lifecycle.backup.BackupPlans;
import dev.quorum.core.lifecycle.backup.HostBackups;
import dev.quorum.core.lifecycle.backup.OffsiteListing;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code quorum backup list}, {@code run} and {@code pull} do, over a session opened as the CLI opens one;
 * a run's events go to {@code live} (the cluster's Tasks tab) and to a run log, as a wizard's do.
 */
public final class SshBackupsSource implements BackupsSource {
    private final ClusterSource cluster;
    private final QuorumHome home;
    private final RunListener live;

    public SshBackupsSource(ClusterSource cluster, QuorumHome home, RunListener live) {
        this.cluster = cluster;
        this.home = home;
        this.live = live;
    }

    @Override
    public BackupOverview read() {
        try (ClusterSession session = open()) {
            return BackupOverview.read(session);
        }
    }

    @Override
    public List<HostBackups> offsite() {
        try (ClusterSession session = open()) {
            return OffsiteListing.read(session, OffsiteListing.workstation());
        }
    }

    @Override
    public RunResult runNow() {
        try (ClusterSession session = open()) {
            return PlanRuns.apply(home, BackupPlans.run(session, Optional.empty()), live, new Cancellation()).result();
        }
    }

    @Override
    public Path pull(String location) throws StepFailedException {
        try (ClusterSession session = open()) {
            PullRequest request = new PullRequest(BackupLocation.parse(location), BackupPulls.defaultDir(session));
            RunResult result = PlanRuns.apply(home, BackupPulls.plan(session, request,
                    OffsiteStores.workstation(endpoint(session, location))), live, new Cancellation()).result();
            if (!result.succeeded()) {
                RunEvent.TargetFinished failure = result.failures().isEmpty() ? null : result.failures().get(0);
                throw new StepFailedException(failure == null ? "the pull of " + location + " did not finish"
                        : failure.message(), failure == null ? "pull it again" : failure.hint());
            }
            return request.target();
        }
    }

    /** An off-site copy is read from the endpoint its hosts upload to (the CLI's --s3-endpoint); a host's needs none. */
    private Optional<String> endpoint(ClusterSession session, String location) throws StepFailedException {
        if (!location.startsWith("s3://")) {
            return Optional.empty();
        }
        Optional<String> endpoint = OffsiteListing.endpointOf(session, location);
        if (endpoint.isEmpty()) {
            throw new StepFailedException("no member's backup schedule copies to " + location + " (or their settings "
                    + "could not be read), so its store's endpoint is not known here",
                    "pull it with: quorum backup pull -i INVENTORY" + (cluster.layout() == ClusterLayout.MAIN ? ""
                            : " --cluster " + cluster.layout().word()) + " " + location + " --s3-endpoint URL");
        }
        return endpoint;
    }

    /** The cluster shown: the events cluster's own session on its view, as {@code --cluster events} opens it. */
    ClusterSession open() {
        return ClusterSessions.open(cluster.inventory(), home, cluster.ssh());
    }
}
