package dev.quorum.app.shell;

import dev.quorum.app.cluster.ClusterSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the main window asks the wizards to do. {@code app.actions} implements it (through a
 * {@link Factory}, found with {@link java.util.ServiceLoader}), so the shell knows no wizard.
 * Called on the UI thread; must not block it.
 */
public interface ShellActions {

    /** Toolbar "Install..." and the welcome screen's "Create a new cluster...". */
    void installNewCluster();

    /** Toolbar "Add..." on the open cluster. */
    void addMember(ClusterSource cluster);

    /** Toolbar "Replace..." or a member's context menu "Replace...". */
    void replaceMember(ClusterSource cluster, String memberName);

    /** Toolbar "Remove..." or a member's context menu "Remove...": {@code quorum remove --member M}. */
    void removeMember(ClusterSource cluster, String memberName);

    /**
     * "Adopt this cluster...", offered while the open cluster's CA is not on this workstation (a
     * cluster Kubespray installed): {@code quorum adopt}.
     *
     * @param afterAdopted called on the UI thread when an adoption run has succeeded (the window reads the cluster again)
     */
    void adoptCluster(ClusterSource cluster, Runnable afterAdopted);

    /**
     * The Certificates tab's "Renew...": the renew wizard on {@code cluster}.
     *
     * @param warnDays the tab's warning window: a certificate expiring within it is renewed
     * @param afterRun called on the UI thread each time a renewal run ends (the tab reads the certificates again)
     */
    void renewCertificates(ClusterSource cluster, int warnDays, Runnable afterRun);

    /**
     * A diagnosis's "Replace the expired CA" or the Certificates tab's "Replace the CA...": the renew wizard on
     * {@code cluster} with the CA rotation chosen; {@code afterRun} as for {@link #renewCertificates}.
     */
    void rotateCa(ClusterSource cluster, Runnable afterRun);

    /** Toolbar "Recover..." (the Diagnose / Recover wizard): each host's view of the open cluster, then recovery. */
    void recover(ClusterSource cluster);

    /**
     * Toolbar "Restore..." (no snapshot chosen yet) or the Snapshots tab's "Restore..." (that file):
     * disaster recovery from a snapshot or a survivor, after a loud confirmation.
     */
    void restore(ClusterSource cluster, Optional<Path> snapshot);

    /** Toolbar "Maintain...": compact, defragment, or free space and disarm NOSPACE on the open cluster. */
    void maintain(ClusterSource cluster);

    /** Toolbar "Upgrade...": take the open cluster to its inventory's etcd_version (quorum upgrade). */
    void upgrade(ClusterSource cluster);

    /**
     * The Backups tab's "Schedule...": {@code quorum backup schedule} on {@code cluster}, starting from the hosts'
     * current interval and kept count when they have a schedule.
     *
     * @param afterRun called on the UI thread each time a run ends (the tab reads the backups again)
     */
    void scheduleBackups(ClusterSource cluster, Optional<Duration> every, OptionalInt keep, Runnable afterRun);

    /** The Backups tab's "Unschedule...": {@code quorum backup unschedule}; {@code afterRun} as for scheduling. */
    void unscheduleBackups(ClusterSource cluster, Runnable afterRun);

    /** Makes the actions for one main window. Register in META-INF/services/dev.quorum.app.shell.ShellActions$Factory. */
    interface Factory {
        ShellActions create(ShellContext context);
    }
}
