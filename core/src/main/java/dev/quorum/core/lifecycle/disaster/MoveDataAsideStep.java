package dev.quorum.core.lifecycle.disaster;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.util.List;
import java.util.Optional;

/**
 * The old data dir is moved aside to {@code DATA_DIR.before-restore-TIME}, never deleted: it is
 * what an operator would want back if the snapshot turns out to be the wrong one.
 */
final class MoveDataAsideStep extends RestoreHostStep {

    MoveDataAsideStep(RestoreSession restore) {
        super(restore);
    }

    @Override
    public String title() {
        return "Move the old data dir aside (kept, never deleted)";
    }

    private String aside() {
        return restore.dataDir() + ".before-restore-" + restore.stamp;
    }

    @Override
    public List<String> preview(String target) {
        return List.of("mv " + restore.dataDir() + " " + aside());
    }

    @Override
    public Check check(StepContext context) throws Exception {
        Optional<Check> done = alreadyRestored(context);
        if (done.isPresent()) {
            return done.get();
        }
        String data = Shell.quote(restore.dataDir());
        String found = remote(context).run("if [ -n \"$(ls -A " + data + " 2>/dev/null)\" ]; then echo data; fi")
                .stdout().strip();
        return found.isEmpty() ? Check.done(restore.dataDir() + " empty or absent")
                : Check.needed(restore.dataDir() + " holds the old data");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        RemoteHost remote = remote(context);
        String state = remote.run("systemctl is-active etcd 2>/dev/null").stdout().strip();
        if ("active".equals(state) || "activating".equals(state)) {
            throw new StepFailedException("etcd still runs on " + context.target(), "stop it (systemctl stop etcd) and re-run");
        }
        String target = aside();
        remote.run("set -e; t=" + Shell.quote(target) + "; if [ -e \"$t\" ]; then t=\"$t-$$\"; fi; mv "
                + Shell.quote(restore.dataDir()) + " \"$t\"; echo \"$t\"").requireOk("move the data dir aside");
        context.info("old data kept in " + target);
    }
}
