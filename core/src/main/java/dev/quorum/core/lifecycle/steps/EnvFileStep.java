package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.StepContext;
import dev.quorum.core.etcd.EnvFile;
import dev.quorum.core.etcd.HostFiles;
import dev.quorum.core.etcd.InitialClusterState;
import java.util.Optional;

/**
 * {@code /etc/etcd.env}. A member that already has data keeps the initial cluster state it has;
 * a member without data gets the session's state for new members: {@code new} while a cluster
 * bootstraps (flipped to {@code existing} once healthy), {@code existing} when joining one.
 */
public final class EnvFileStep extends ManagedFileStep {

    private final boolean restartOnChange;

    /** For members being set up: a change on a running member means a restart. */
    public EnvFileStep(LifecycleSession session) {
        this(session, true);
    }

    /**
     * @param restartOnChange false when only ETCD_INITIAL_CLUSTER can differ (after a membership
     *                        change): etcd reads it only at bootstrap, so a running member keeps running
     */
    public EnvFileStep(LifecycleSession session, boolean restartOnChange) {
        super(session);
        this.restartOnChange = restartOnChange;
    }

    @Override
    public String title() {
        String file = session.settings().layout().envFile();
        return restartOnChange ? "Write " + file : "Update " + file + " to the new member list (no restart)";
    }

    @Override
    String path() {
        return session.settings().layout().envFile();
    }

    @Override
    String desired(StepContext context, Optional<String> current) {
        boolean hasData = session.facts(context.target())
                .map(f -> f.dataDir() == HostFacts.DataDirState.MEMBER).orElse(false);
        InitialClusterState state = hasData
                ? current.flatMap(text -> EnvFile.parse(text).initialClusterState()).orElse(InitialClusterState.EXISTING)
                : session.newMemberState();
        return HostFiles.envFile(member(context), session.members(), session.settings(), state);
    }

    @Override
    String mode() {
        return "0640";
    }

    @Override
    void changed(String hostName) {
        if (restartOnChange) {
            session.changedWhileRunning(hostName);
        }
    }
}
