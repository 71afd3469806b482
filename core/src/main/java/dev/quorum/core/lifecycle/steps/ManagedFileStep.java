package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.cluster.HostFile;
import dev.quorum.core.cluster.HostFileReads;
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

    /** Content and mode in one exchange (issue 18): a re-run's check is one round trip per file. */
    @Override
    public Check check(StepContext context) throws Exception {
        String path = path();
        Optional<HostFile> current = HostFileReads.read(remote(context), List.of(path)).get(path);
        if (current.isEmpty()) {
            return Check.needed(path + " does not exist");
        }
        if (!current.get().content().equals(desired(context, current.map(HostFile::content)))) {
            return Check.needed(path + " differs from what this inventory renders");
        }
        if (!current.get().hasMode(mode())) {
            return Check.needed(path + " has mode " + current.get().mode() + ", want " + mode());
        }
        return Check.done(path + " up to date");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        RemoteHost remote = remote(context);
        String path = path();
        Optional<HostFile> current = HostFileReads.read(remote, List.of(path)).get(path);
        ManagedFiles.replace(remote, path, desired(context, current.map(HostFile::content)), mode(), current)
                .ifPresent(kept -> context.info("previous " + path + " kept as " + kept));
        changed(context.target());
    }
}
