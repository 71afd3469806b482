package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.remote.RemoteHost;
import java.util.List;
import java.util.Optional;

/** A text file whose whole content and mode Quorum decides; differences are replaced, the old kept aside. */
public abstract class ManagedFileStep extends HostStep {

    public ManagedFileStep(LifecycleSession session) {
        super(session);
    }

    abstract String path();

    abstract String desired(StepContext context, Optional<String> current);

    abstract String mode();

    /** What else a change means (a restart, a daemon-reload). */
    abstract void changed(String hostName);

    @Override
    public List<String> preview(String target) {
        return List.of("install -m " + mode() + " <rendered> " + path());
    }

    @Override
    public Check check(StepContext context) throws Exception {
        RemoteHost remote = remote(context);
        String path = path();
        Optional<String> current = ManagedFiles.read(remote, path);
        if (current.isEmpty()) {
            return Check.needed(path + " does not exist");
        }
        if (!current.get().equals(desired(context, current))) {
            return Check.needed(path + " differs from what this inventory renders");
        }
        Optional<String> mode = ManagedFiles.mode(remote, path);
        if (!mode.map(m -> Integer.parseInt(m, 8) == Integer.parseInt(mode(), 8)).orElse(false)) {
            return Check.needed(path + " has mode " + mode.orElse("?") + ", want " + mode());
        }
        return Check.done(path + " up to date");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        RemoteHost remote = remote(context);
        String path = path();
        Optional<String> current = ManagedFiles.read(remote, path);
        ManagedFiles.replace(remote, path, desired(context, current), mode())
                .ifPresent(kept -> context.info("previous " + path + " kept as " + kept));
        changed(context.target());
    }
}
