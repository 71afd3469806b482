package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.lifecycle.steps.HostStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.remote.Shell;
import java.util.List;

/**
 * etcdutl of the target release beside etcd, without a restart: a 3.5 cluster installed without it gets it from an
 * upgrade to the version it already runs, so the next upgrade's v2 check can run.
 */
final class EtcdutlStep extends HostStep {
    private final EtcdVersion target;

    EtcdutlStep(LifecycleSession session, EtcdVersion target) {
        super(session);
        this.target = target;
    }

    @Override
    public String title() {
        return "Install etcdutl " + target + " beside etcd (no restart)";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("tar -xzf etcd-" + this.target + "-linux-" + session.settings().architecture()
                + ".tar.gz && install -m 0755 etcdutl " + session.settings().binDir() + "/");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        if (!target.hasEtcdutl()) {
            return Check.done(target.line() + " ships no etcdutl");
        }
        String have = remote(context).run(Shell.quote(session.settings().binDir() + "/etcdutl")
                + " version 2>/dev/null | head -n 1").stdout().strip();
        return have.contains("etcdutl version: " + target.toString().substring(1)) ? Check.done(have)
                : Check.needed(have.isEmpty() ? "no etcdutl in " + session.settings().binDir() : have);
    }

    @Override
    public void apply(StepContext context) throws Exception {
        if (session.fetchedRelease().isEmpty()) {
            session.useRelease(session.releases().fetch(session.settings()));
        }
        EtcdutlInstall.ensure(remote(context), context, session.settings(), session.release(), target);
    }
}
