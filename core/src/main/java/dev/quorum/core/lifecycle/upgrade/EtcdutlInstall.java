package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.engine.StepContext;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.lifecycle.steps.ReleaseUpload;
import dev.quorum.core.release.EtcdRelease;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.release.ReleaseBinary;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.util.Optional;

/**
 * etcdutl beside etcd (3.5 and later): the offline tool the next upgrade's v2 check and 3.6+'s restore need. Taken
 * from the same verified tarball as etcd; skipped when the host already has this release's.
 */
final class EtcdutlInstall {
    private EtcdutlInstall() {
    }

    static void ensure(RemoteHost remote, StepContext context, EtcdSettings settings, EtcdRelease release,
                       EtcdVersion version) throws Exception {
        if (!version.hasEtcdutl()) {
            return;
        }
        String etcdutl = Shell.quote(settings.binDir() + "/etcdutl");
        String have = remote.run(etcdutl + " version 2>/dev/null | head -n 1").stdout();
        if (have.contains("etcdutl version: " + version.toString().substring(1))) {
            return;
        }
        Optional<ReleaseBinary> tool = release.binaries().stream().filter(b -> b.name().equals("etcdutl")).findFirst();
        if (tool.isEmpty()) {
            return;
        }
        String tarball = ReleaseUpload.path(release);
        ReleaseUpload.intact(context, remote, release, tarball);
        String script = String.join(" && ",
                "set -e",
                "dir=$(mktemp -d)",
                "tar -xzf " + tarball + " -C \"$dir\" " + Shell.quote(tool.get().entry()),
                ReleaseUpload.installCommand(tool.get().entry(), settings.binDir() + "/etcdutl"),
                "rm -rf \"$dir\" " + tarball);
        remote.run(script).requireOk("install etcdutl on " + context.target());
        context.info("installed etcdutl " + version + " to " + settings.binDir());
    }
}
