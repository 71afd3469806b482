package dev.quorum.app.wizard;

import dev.quorum.app.common.TaskExecutor;
import dev.quorum.core.engine.RunListener;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.util.Objects;

/**
 * What every wizard needs from the app.
 *
 * @param executor    all background work goes through it; results come back on the UI thread
 * @param home        the workstation's Quorum folder (run logs, PKI, written inventories)
 * @param ssh         SSH options (known_hosts, identity files); host keys are accepted only after the user's consent
 * @param runListener receives every event of every real run, from the run's threads: the main
 *                    window's Tasks log attaches here ({@code event -> {}} for none)
 * @param layout      which of the inventory's clusters the wizard acts on: the main one, or the events cluster when
 *                    opened from its view (as {@code --cluster events}; decision 0044)
 */
public record WizardServices(TaskExecutor executor, QuorumHome home, SshOptions ssh, RunListener runListener,
                             ClusterLayout layout) {
    public WizardServices {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(ssh, "ssh");
        Objects.requireNonNull(runListener, "runListener");
        Objects.requireNonNull(layout, "layout");
    }

    /** On the inventory's main cluster. */
    public WizardServices(TaskExecutor executor, QuorumHome home, SshOptions ssh, RunListener runListener) {
        this(executor, home, ssh, runListener, ClusterLayout.MAIN);
    }

    /** The app's defaults: ~/.quorum (or $QUORUM_HOME), OpenSSH's files, no run listener. */
    public static WizardServices defaults(TaskExecutor executor) {
        return new WizardServices(executor, QuorumHome.fromEnvironment(), SshOptions.defaults(), event -> { });
    }

    public WizardServices withRunListener(RunListener listener) {
        return new WizardServices(executor, home, ssh, listener, layout);
    }

    /** What a command the wizard suggests adds to {@code -i INVENTORY} to act on the same cluster (as the CLI's). */
    public String clusterArgument() {
        return layout == ClusterLayout.MAIN ? "" : " --cluster " + layout.word();
    }

    /** The same services with these SSH options. */
    public WizardServices withSsh(SshOptions options) {
        return new WizardServices(executor, home, options, runListener, layout);
    }

    /** The same services on the inventory's cluster of {@code on}. */
    public WizardServices onCluster(ClusterLayout on) {
        return new WizardServices(executor, home, ssh, runListener, on);
    }
}
