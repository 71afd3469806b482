package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.release.EtcdRelease;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.release.ReleaseBinary;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts {@code etcd}, {@code etcdctl} and, when the release has it (3.5 and later), {@code etcdutl} into
 * {@code bin_dir}: the tarball is uploaded once and unpacked on the host; installed binaries are compared by
 * sha256, so a re-run uploads nothing. etcdutl is what restores a snapshot from 3.6 on, so it is installed
 * with the others rather than when a restore needs it.
 */
public final class BinariesStep extends HostStep {

    public BinariesStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Install " + String.join(", ", names()) + " " + session.settings().version() + " to "
                + session.settings().binDir();
    }

    /** By the release once fetched, else by the version (the preview comes before the fetch). */
    private List<String> names() {
        if (session.fetchedRelease().isPresent()) {
            return session.release().binaries().stream().map(ReleaseBinary::name).toList();
        }
        return EtcdVersion.tryParse(session.settings().version()).filter(EtcdVersion::hasEtcdutl).isPresent()
                ? List.of("etcd", "etcdctl", "etcdutl") : List.of("etcd", "etcdctl");
    }

    @Override
    public List<String> preview(String target) {
        String bin = session.settings().binDir();
        return List.of("scp etcd-" + session.settings().version() + "-linux-" + session.settings().architecture()
                        + ".tar.gz " + target + ":/tmp/",
                "tar -xzf /tmp/etcd-*.tar.gz && install -m 0755 " + String.join(" ", names()) + " " + bin + "/");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        if (session.fetchedRelease().isEmpty()) {
            return Check.needed("the release is not fetched yet");
        }
        EtcdRelease release = session.release();
        String bin = session.settings().binDir();
        StringBuilder command = new StringBuilder("sha256sum");
        for (ReleaseBinary binary : release.binaries()) {
            command.append(' ').append(Shell.quote(bin + "/" + binary.name()));
        }
        String out = remote(context).run(command + " 2>/dev/null").stdout();
        List<String> missing = new ArrayList<>();
        for (ReleaseBinary binary : release.binaries()) {
            if (!out.lines().anyMatch(line -> line.equals(binary.sha256() + "  " + bin + "/" + binary.name()))) {
                missing.add(binary.name());
            }
        }
        if (missing.isEmpty()) {
            return Check.done(String.join(", ", names()) + " " + session.settings().version() + " already installed");
        }
        return Check.needed(out.isBlank() ? "not installed"
                : String.join(", ", missing) + " missing or different from " + release.version());
    }

    @Override
    public void apply(StepContext context) throws Exception {
        EtcdRelease release = session.release();
        RemoteHost remote = remote(context);
        String bin = session.settings().binDir();
        String tarball = ReleaseUpload.path(release);
        ReleaseUpload.intact(context, remote, release, tarball);
        for (ReleaseBinary binary : release.binaries()) {
            ManagedFiles.backup(remote, bin + "/" + binary.name());
        }
        List<String> unpack = new ArrayList<>(List.of("set -e", "dir=$(mktemp -d)",
                "tar -xzf " + tarball + " -C \"$dir\" " + String.join(" ",
                        release.binaries().stream().map(b -> Shell.quote(b.entry())).toList()),
                "mkdir -p " + Shell.quote(bin)));
        for (ReleaseBinary binary : release.binaries()) {
            unpack.add(ReleaseUpload.installCommand(binary.entry(), bin + "/" + binary.name()));
        }
        unpack.add("rm -rf \"$dir\" " + tarball);
        remote.run(String.join(" && ", unpack)).requireOk("unpack etcd on " + context.target());
        session.changedWhileRunning(context.target());
    }

    /**
     * Installed as released is not enough for a binary that cannot run there (a wrong or damaged build): each
     * must also print its version, so a restore never finds out only after etcd was stopped everywhere.
     */
    @Override
    public void verify(StepContext context) throws Exception {
        super.verify(context);
        String bin = session.settings().binDir();
        for (ReleaseBinary binary : session.release().binaries()) {
            String path = Shell.quote(bin + "/" + binary.name());
            String command = binary.name().equals("etcd") ? path + " --version" : path + " version";
            var ran = remote(context).run(command + " 2>&1");
            if (!ran.ok()) {
                throw new StepFailedException(bin + "/" + binary.name() + " does not run on " + context.target()
                        + ": " + ran.stdout().strip(), "check that the release matches the host's architecture "
                        + "(image_arch) and that " + bin + " is not mounted noexec, then re-run");
            }
        }
    }
}
