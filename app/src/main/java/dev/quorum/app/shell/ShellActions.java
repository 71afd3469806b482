package dev.quorum.app.shell;

import dev.quorum.app.cluster.ClusterSource;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the main window asks the wizards to do. {@code app.actions} implements it (through a
 * {@link Factory}, found with {@link java.util.ServiceLoader}), so the shell knows no wizard.
 * Called on the UI thread; must not block it.
 */
public interface ShellActions {

    /** Toolbar "Install..." and the welcome screen's "Create a new cluster...". */
    void installNewCluster();

    /** Toolbar "Add member..." on the open cluster. */
    void addMember(ClusterSource cluster);

    /** Toolbar "Replace..." or a member's context menu "Replace...". */
    void replaceMember(ClusterSource cluster, String memberName);

    /**
     * Toolbar "Restore..." (no snapshot chosen yet) or the Snapshots tab's "Restore..." (that file):
     * disaster recovery from a snapshot or a survivor, after a loud confirmation.
     */
    void restore(ClusterSource cluster, Optional<Path> snapshot);

    /** Makes the actions for one main window. Register in META-INF/services/dev.quorum.app.shell.ShellActions$Factory. */
    interface Factory {
        ShellActions create(ShellContext context);
    }
}
