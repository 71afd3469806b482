package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.remote.CommandResult;
import dev.quorum.core.remote.Shell;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Before a life-cycle of the events cluster lays out a host as install does: the etcd binary there is the main
 * cluster's too (Kubespray's etcd-events runs {@code bin_dir/etcd}), so installing the inventory's
 * {@code etcd_version} over another version would move the main members to it on their next restart, outside any
 * upgrade's checks. A host whose binary is another version refuses, and so does one whose version could not be
 * read; a host without the binary gets it from the step after.
 */
public final class SharedBinaryGuardStep extends HostStep {
    private static final Pattern VERSION = Pattern.compile("etcd Version: (\\S+)");
    private static final String ABSENT = "quorum-no-etcd-binary";

    public SharedBinaryGuardStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Check the etcd binary the main cluster shares is " + session.settings().version();
    }

    @Override
    public List<String> preview(String target) {
        return List.of(session.settings().binDir() + "/etcd --version   # " + session.settings().version()
                + " (the main cluster runs it too), or not installed yet");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        String etcd = Shell.quote(session.settings().binDir() + "/etcd");
        CommandResult result = remote(context).run("if [ -x " + etcd + " ]; then " + etcd + " --version 2>&1; "
                + "else echo " + ABSENT + "; fi");
        String wanted = session.settings().version();
        String hint = "the events cluster runs the main cluster's etcd binary: set etcd_version to the version "
                + "installed, or bring the main cluster to " + wanted + " first (quorum upgrade -i INVENTORY)";
        if (result.stdout().contains(ABSENT)) {
            return Check.done("no etcd binary yet: the next step installs " + wanted);
        }
        Optional<String> installed = installed(result.stdout());
        if (installed.isEmpty()) {
            throw new StepFailedException("refused, nothing was changed: could not read the version of "
                    + session.settings().binDir() + "/etcd on " + context.target() + " (" + result.stdout().strip()
                    + ")", hint);
        }
        if (!installed.get().equals(wanted)) {
            throw new StepFailedException("refused, nothing was changed: " + context.target() + " has etcd "
                    + installed.get() + ", not the inventory's " + wanted + "; installing it for the events cluster "
                    + "would change the main cluster's etcd too", hint);
        }
        return Check.done("etcd " + installed.get() + ", as the inventory says");
    }

    /** The installed version with a leading v, as the inventory writes it. */
    static Optional<String> installed(String versionOutput) {
        Matcher matcher = VERSION.matcher(versionOutput);
        return matcher.find() ? Optional.of(matcher.group(1).startsWith("v") ? matcher.group(1)
                : "v" + matcher.group(1)) : Optional.empty();
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("a guard only checks");
    }
}
