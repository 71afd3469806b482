package dev.quorum.app.actions;

import dev.quorum.app.certificates.CertificatesViewModel;
import dev.quorum.app.add.AddMemberWizard;
import dev.quorum.app.adopt.AdoptClusterWizard;
import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.install.InstallWizard;
import dev.quorum.app.maintenance.MaintenanceWizard;
import dev.quorum.app.renew.RenewCertificatesWizard;
import dev.quorum.app.recover.RecoverWizard;
import dev.quorum.app.remove.RemoveMemberWizard;
import dev.quorum.app.replace.ReplaceMemberWizard;
import dev.quorum.app.restore.RestoreWizard;
import dev.quorum.app.schedule.ScheduleBackupsWizard;
import dev.quorum.app.shell.ShellActions;
import dev.quorum.app.upgrade.UpgradeWizard;
import dev.quorum.app.shell.ShellContext;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunListener;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.remote.SshOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The main window's actions, done by the wizards: each wizard's runs also stream into the Tasks
 * tab of the cluster they change, and a finished install opens the new cluster.
 */
public final class WizardActions implements ShellActions {
    private final ShellContext context;

    public WizardActions(ShellContext context) {
        this.context = context;
    }

    /** Registered in META-INF/services so the shell finds the wizards without knowing them. */
    public static final class Factory implements ShellActions.Factory {
        @Override
        public ShellActions create(ShellContext context) {
            return new WizardActions(context);
        }
    }

    @Override
    public void installNewCluster() {
        InstallWizard.open(context.window(), services(Optional.empty()),
                inventory -> context.openInventory(inventory, Optional.empty()));
    }

    @Override
    public void addMember(ClusterSource cluster) {
        AddMemberWizard.open(context.window(), services(Optional.of(cluster)), cluster.inventoryFile());
    }

    @Override
    public void replaceMember(ClusterSource cluster, String memberName) {
        ReplaceMemberWizard.open(context.window(), services(Optional.of(cluster)), cluster.inventoryFile(), memberName);
    }

    @Override
    public void removeMember(ClusterSource cluster, String memberName) {
        RemoveMemberWizard.open(context.window(), services(Optional.of(cluster)), cluster.inventoryFile(), memberName);
    }

    @Override
    public void adoptCluster(ClusterSource cluster, Runnable afterAdopted) {
        AdoptClusterWizard.open(context.window(), services(Optional.of(cluster)), cluster.inventoryFile(), afterAdopted);
    }

    @Override
    public void renewCertificates(ClusterSource cluster, int warnDays, Runnable afterRun) {
        RenewCertificatesWizard.open(context.window(), services(Optional.of(cluster)), cluster.inventoryFile(),
                cluster.inventory().etcdMembers().stream().map(EtcdMember::hostName).toList(),
                cluster.inventory().kubernetesOnlyHosts(), warnDays, afterRun);
    }

    @Override
    public void rotateCa(ClusterSource cluster, Runnable afterRun) {
        RenewCertificatesWizard.openRotation(context.window(), services(Optional.of(cluster)), cluster.inventoryFile(),
                cluster.inventory().etcdMembers().stream().map(EtcdMember::hostName).toList(),
                cluster.inventory().kubernetesOnlyHosts(), CertificatesViewModel.DEFAULT_WARN_DAYS, afterRun);
    }

    @Override
    public void recover(ClusterSource cluster) {
        RecoverWizard.open(context.window(), services(Optional.of(cluster)), cluster.inventoryFile(),
                diagnosis -> context.showDiagnosis(cluster.name(), diagnosis), new IntentWizards(this, cluster));
    }

    @Override
    public void restore(ClusterSource cluster, Optional<Path> snapshot) {
        RestoreWizard.open(context.window(), services(Optional.of(cluster)), cluster.inventoryFile(), snapshot);
    }

    @Override
    public void maintain(ClusterSource cluster) {
        MaintenanceWizard.open(context.window(), services(Optional.of(cluster)), cluster.inventoryFile());
    }

    @Override
    public void upgrade(ClusterSource cluster) {
        UpgradeWizard.open(context.window(), services(Optional.of(cluster)), cluster.inventoryFile());
    }

    @Override
    public void scheduleBackups(ClusterSource cluster, Optional<Duration> every, OptionalInt keep, Runnable afterRun) {
        ScheduleBackupsWizard.schedule(context.window(), services(Optional.of(cluster)), cluster.inventoryFile(), every,
                keep, afterRun);
    }

    @Override
    public void unscheduleBackups(ClusterSource cluster, Runnable afterRun) {
        ScheduleBackupsWizard.unschedule(context.window(), services(Optional.of(cluster)), cluster.inventoryFile(),
                afterRun);
    }

    private WizardServices services(Optional<ClusterSource> cluster) {
        SshOptions ssh = cluster.map(ClusterSource::ssh).orElse(SshOptions.defaults());
        // a wizard opened on the events cluster's view acts on it, as --cluster events (decision 0044)
        return new WizardServices(context.executor(), context.home(), ssh, toTasksTab(),
                cluster.map(ClusterSource::layout).orElse(ClusterLayout.MAIN));
    }

    /** Sends a run's events to the live log of the cluster named when the run starts. */
    private RunListener toTasksTab() {
        AtomicReference<RunListener> feed = new AtomicReference<>(event -> { });
        return event -> {
            if (event instanceof RunEvent.RunStarted started) {
                feed.set(context.liveLog(started.cluster()));
            }
            feed.get().on(event);
        };
    }
}
