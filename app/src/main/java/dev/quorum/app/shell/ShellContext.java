package dev.quorum.app.shell;

import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.common.TaskExecutor;
import dev.quorum.app.tasks.LogFeed;
import dev.quorum.core.lifecycle.recover.Diagnosis;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** What a wizard may use from the main window that opened it. UI thread only, except {@link #liveLog}. */
public interface ShellContext {

    /** The owner for dialogs and wizard windows. */
    Window window();

    TaskExecutor executor();

    QuorumHome home();

    /** The open cluster, if any. */
    Optional<ClusterSource> currentCluster();

    /** Opens (or re-reads and shows) a cluster from its inventory, e.g. after an install. */
    void openInventory(Path inventory, Optional<Path> knownHosts);

    /**
     * A diagnosis of a cluster was made (by the Diagnose / Recover wizard): its picture draws who
     * reaches whom, if that cluster is shown.
     */
    void showDiagnosis(String clusterName, Diagnosis diagnosis);

    /** The live log of a cluster's Tasks tab, for a run started from a wizard. Safe from any thread. */
    LogFeed liveLog(String clusterName);
}
