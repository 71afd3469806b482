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

    public EnvFileStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Write " + HostFiles.ENV_FILE;
    }

    @Override
    String path() {
        return HostFiles.ENV_FILE;
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
        session.changedWhileRunning(hostName);
    }
}
