package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.lifecycle.backup.pull.BackupLocation;
import dev.quorum.core.lifecycle.backup.pull.BackupLocationException;
import dev.quorum.core.lifecycle.backup.pull.BackupPulls;
import dev.quorum.core.lifecycle.backup.pull.OffsiteStores;
import dev.quorum.core.lifecycle.backup.pull.PullRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** One pull from the command line, the same for {@code backup pull} and {@code restore --snapshot LOCATION}. */
final class BackupPullExecution {
    private final ClusterSession session;
    private final PrintWriter out;
    private final Path inventory;

    BackupPullExecution(ClusterSession session, PrintWriter out, Path inventory) {
        this.session = session;
        this.out = out;
        this.inventory = inventory;
    }

    /** {@code text} as a backup location, checked before anything is opened; the hint names this inventory. */
    static BackupLocation parse(String text, Path inventory) {
        try {
            return BackupLocation.parse(text);
        } catch (BackupLocationException e) {
            throw new UserError(e.getMessage(), e.hint().replace("-i INVENTORY", "-i " + inventory));
        }
    }

    /** The request for {@code location}, into {@code dir} or the cluster's snapshot folder. */
    PullRequest request(BackupLocation location, Optional<Path> dir) {
        return new PullRequest(location, dir.orElseGet(() -> BackupPulls.defaultDir(session)));
    }

    Plan plan(PullRequest request, Optional<String> s3Endpoint) {
        try {
            return BackupPulls.plan(session, request, OffsiteStores.workstation(s3Endpoint));
        } catch (BackupLocationException e) {
            throw new UserError(e.getMessage(), e.hint().replace("-i INVENTORY", "-i " + inventory));
        }
    }

    /** Pulls (a copy already here is ok) and returns the file; a refusal or failure is thrown with what to do. */
    Path pull(PullRequest request, Optional<String> s3Endpoint) {
        // a pull only adds a checked file on this workstation and never replaces one: no question asked
        int exit = new PlanExecution(out, session.home()).apply(plan(request, s3Endpoint), true);
        if (exit != ExitCodes.OK) {
            throw new UserError("the pull of " + request.location().text() + " was cancelled", "run it again");
        }
        return request.target();
    }
}
