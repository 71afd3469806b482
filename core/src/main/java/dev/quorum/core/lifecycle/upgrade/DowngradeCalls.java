package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.HostFiles;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.remote.CommandResult;
import dev.quorum.core.remote.Shell;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** etcd's downgrade API as the steps call it: through a member's own etcdctl over SSH (jetcd has no such call). */
final class DowngradeCalls {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private DowngradeCalls() {
    }

    /** The members whose reported version passes {@code running}; an unreachable member fails the step (unknown). */
    static List<EtcdMember> members(LifecycleSession session, Predicate<EtcdVersion> running)
            throws StepFailedException {
        List<EtcdMember> chosen = new ArrayList<>();
        for (EtcdMember member : session.members()) {
            if (running.test(MemberRestart.runningVersion(session, member))) {
                chosen.add(member);
            }
        }
        return chosen;
    }

    /**
     * {@code etcdctl.sh downgrade ACTION [VERSION]} on the member's host, logged as run; a failure fails the step
     * with etcd's own reason and {@code hint}.
     */
    static void run(LifecycleSession session, StepContext context, EtcdMember asked, String action, String hint)
            throws Exception {
        String command = Shell.quote(HostFiles.etcdctlWrapperPath(session.settings())) + " downgrade " + action;
        context.info(command + "   # on " + asked.hostName());
        CommandResult result = session.remote(asked.hostName()).run(command, COMMAND_TIMEOUT);
        if (!result.ok()) {
            throw new StepFailedException("etcdctl downgrade " + action + " on " + asked.hostName() + " failed: "
                    + result.stderrTail().strip(), hint);
        }
        context.info(result.stdout().strip());
    }
}
