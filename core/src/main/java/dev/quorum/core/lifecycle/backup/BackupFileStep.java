package dev.quorum.core.lifecycle.backup;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.remote.RemoteHost;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One file of the schedule, its whole content and mode decided here: missing, different or with another
 * mode is replaced, the old copy kept aside (decision 0004) except for a secret file: the env file may hold
 * the S3 secret, and a copy kept in /var/backups/quorum would outlive a changed key or an unschedule. It is
 * rendered whole from the inventory and the request, so nothing is lost. The preview names the file, never
 * its content.
 */
final class BackupFileStep implements Step {
    private final BackupHosts hosts;
    private final String path;
    private final String mode;
    private final boolean unit;
    private final boolean secret;
    private final Function<EtcdMember, String> content;

    private BackupFileStep(BackupHosts hosts, String path, String mode, boolean unit, boolean secret,
                           Function<EtcdMember, String> content) {
        this.hosts = hosts;
        this.path = path;
        this.mode = mode;
        this.unit = unit;
        this.secret = secret;
        this.content = content;
    }

    static BackupFileStep script(BackupHosts hosts) {
        return new BackupFileStep(hosts, hosts.units().script(), "0755", false, false, m -> BackupFiles.script());
    }

    static BackupFileStep secret(BackupHosts hosts, String path, Function<EtcdMember, String> content) {
        return new BackupFileStep(hosts, path, "0600", false, true, content);
    }

    static BackupFileStep unit(BackupHosts hosts, String path, Function<EtcdMember, String> content) {
        return new BackupFileStep(hosts, path, "0644", true, false, content);
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
        String rendered = content.apply(hosts.member(context.target()));
        if (secret) {
            remote.write(rendered.getBytes(StandardCharsets.UTF_8), path, mode);
        } else {
            ManagedFiles.replace(remote, path, rendered, mode)
                    .ifPresent(kept -> context.info("previous " + path + " kept as " + kept));
        }
        if (unit) {
            hosts.unitChanged(context.target());
        }
    }
}
