package dev.quorum.core.lifecycle.backup;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.remote.RemoteHost;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One file of the schedule, its whole content and mode decided here: missing, different or with another
 * mode is replaced (the old copy kept aside, decision 0004). The preview names the file, never its content:
 * the env file holds the S3 secret.
 */
final class BackupFileStep implements Step {
    private final BackupHosts hosts;
    private final String path;
    private final String mode;
    private final boolean unit;
    private final Function<EtcdMember, String> content;

    BackupFileStep(BackupHosts hosts, String path, String mode, boolean unit, Function<EtcdMember, String> content) {
        this.hosts = hosts;
        this.path = path;
        this.mode = mode;
        this.unit = unit;
        this.content = content;
    }

    String path() {
        return path;
    }

    @Override
    public String title() {
        return "Install " + path;
    }

    @Override
    public List<String> preview(String target) {
        return List.of("install -o root -m " + mode + " <rendered> " + path);
    }

    @Override
    public Check check(StepContext context) throws Exception {
        RemoteHost remote = hosts.remote(context.target());
        Optional<String> current = ManagedFiles.read(remote, path);
        if (current.isEmpty()) {
            return Check.needed(path + " does not exist");
        }
        if (!current.get().equals(content.apply(hosts.member(context.target())))) {
            return Check.needed(path + " differs from this schedule");
        }
        Optional<String> actual = ManagedFiles.mode(remote, path);
        if (!actual.map(m -> Integer.parseInt(m, 8) == Integer.parseInt(mode, 8)).orElse(false)) {
            return Check.needed(path + " has mode " + actual.orElse("?") + ", want " + mode);
        }
        return Check.done(path + " up to date");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        RemoteHost remote = hosts.remote(context.target());
        ManagedFiles.replace(remote, path, content.apply(hosts.member(context.target())), mode)
                .ifPresent(kept -> context.info("previous " + path + " kept as " + kept));
        if (unit) {
            hosts.unitChanged(context.target());
        }
    }
}
