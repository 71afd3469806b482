package dev.quorum.app.shell;

import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.cluster.ProbeStatusSource;
import dev.quorum.app.cluster.StatusSource;
import dev.quorum.app.common.ClusterSessions;
import dev.quorum.app.common.TaskExecutor;
import dev.quorum.app.sandbox.SandboxStarter;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.RunListener;
import dev.quorum.core.lifecycle.backup.BackupHealth;
import dev.quorum.core.lifecycle.backup.BackupOverview;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * What a main window is built from, so tests can give it a slow status source or a recording
 * {@link ShellActions} and the real app the real ones.
 *
 * @param statusSources where an opened cluster's status comes from
 * @param sandbox       starts the local sandbox (blocking) and returns its inventory
 * @param backupReads   a known cluster's backups for its overview card (blocking), as {@code quorum status} reads them
 */
public record ShellServices(TaskExecutor executor, QuorumHome home, Function<ClusterSource, StatusSource> statusSources,
                            ShellActions.Factory actions, SandboxStart sandbox, Duration refreshInterval,
                            Function<ClusterSource, BackupHealth> backupReads) {

    public static final Duration REFRESH_INTERVAL = Duration.ofSeconds(1);

    /** The real thing: jetcd probes, the wizards (app.actions, through ServiceLoader), the sandbox under {@code home}. */
    public static ShellServices standard(TaskExecutor executor, QuorumHome home) {
        ShellActions.Factory actions = ServiceLoader.load(ShellActions.Factory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("this build has no wizards: META-INF/services/"
                        + ShellActions.Factory.class.getName() + " is missing from the app jar"));
        SandboxStarter starter = new SandboxStarter(home);
        return new ShellServices(executor, home, source -> new ProbeStatusSource(source, home), actions,
                starter::start, REFRESH_INTERVAL, source -> {
                    try (ClusterSession session = ClusterSessions.open(source.inventory(), home, source.ssh())) {
                        return BackupOverview.read(session).health();
                    }
                });
    }

    public ShellServices withActions(ShellActions.Factory other) {
        return new ShellServices(executor, home, statusSources, other, sandbox, refreshInterval, backupReads);
    }

    public ShellServices withStatusSources(Function<ClusterSource, StatusSource> other) {
        return new ShellServices(executor, home, other, actions, sandbox, refreshInterval, backupReads);
    }

    public ShellServices withBackupReads(Function<ClusterSource, BackupHealth> other) {
        return new ShellServices(executor, home, statusSources, actions, sandbox, refreshInterval, other);
    }

    /** Starts the sandbox, reporting to a live log; returns its inventory. Blocking. */
    @FunctionalInterface
    public interface SandboxStart {
        Path start(RunListener live) throws Exception;
    }
}
