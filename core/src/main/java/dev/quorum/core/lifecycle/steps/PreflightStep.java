package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import java.util.List;

/**
 * Read-only checks on every host before anything changes: SSH and its host key, OS and
 * architecture, free disk, ports, and whether an existing data dir belongs to this cluster.
 */
public final class PreflightStep extends HostStep {
    static final long MIN_FREE_KIB = 1024L * 1024L;
    static final long WARN_FREE_KIB = 8L * 1024L * 1024L;

    public PreflightStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Preflight: SSH, OS, disk, ports, existing etcd data";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("ssh " + target + " 'uname -m; cat /etc/os-release; df -Pk " + session.settings().dataDir()
                + "; ss -ltnp; systemctl is-active " + session.settings().layout().unitName() + "; cat "
                + session.settings().layout().envFile() + "'");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        HostFacts facts = FactsProbe.gather(remote(context), session.settings());
        session.recordFacts(context.target(), facts);
        new PreflightRules(session.settings(), member(context), session.members(),
                session.newMemberState() == dev.quorum.core.etcd.InitialClusterState.NEW).verify(context.target(), facts);
        if (facts.freeKiB() < WARN_FREE_KIB) {
            context.warn("only " + facts.freeKiB() / 1024 + " MiB free for " + session.settings().dataDir()
                    + "; etcd's default quota is 2 GiB and a member needs room to defragment");
        }
        return Check.done(facts.os() + ", " + facts.architecture() + ", " + facts.freeKiB() / (1024 * 1024)
                + " GiB free, " + describe(facts));
    }

    private static String describe(HostFacts facts) {
        return switch (facts.dataDir()) {
            case EMPTY -> "no etcd data yet";
            case MEMBER -> "member of this cluster, etcd " + facts.serviceState();
            case OTHER -> "data dir in use";
        };
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("preflight only checks");
    }
}
