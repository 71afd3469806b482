package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.release.EtcdRelease;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;

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
        String tarball = "/tmp/quorum-etcdutl-" + release.sha256().substring(0, 16) + ".tar.gz";
        uploadIntact(remote, context, release, tarball);
        String script = String.join(" && ",
                "set -e",
                "dir=$(mktemp -d)",
                "entry=$(tar -tzf " + tarball + " | grep '/etcdutl$' | head -n 1)",
                "if [ -n \"$entry\" ]; then tar -xzf " + tarball + " -C \"$dir\" \"$entry\" && install -m 0755 "
                        + "\"$dir/$entry\" " + Shell.quote(settings.binDir() + "/etcdutl.quorum-new") + " && mv -f "
                        + Shell.quote(settings.binDir() + "/etcdutl.quorum-new") + " " + etcdutl + "; fi",
                "rm -rf \"$dir\" " + tarball);
        remote.run(script).requireOk("install etcdutl on " + context.target());
        context.info("installed etcdutl " + version + " to " + settings.binDir());
    }

    /** As BinariesStep: a damaged upload is sent once more, then fails with the reason rather than as a tar error. */
    private static void uploadIntact(RemoteHost remote, StepContext context, EtcdRelease release, String tarball)
            throws Exception {
        String arrived = "";
        for (int attempt = 1; attempt <= 2; attempt++) {
            remote.upload(release.tarball(), tarball, "0600");
            String out = remote.run("sha256sum " + Shell.quote(tarball)).requireOk("sha256sum on " + context.target())
                    .stdout().strip();
            arrived = out.isEmpty() ? "" : out.split("\\s+")[0];
            if (arrived.equals(release.sha256())) {
                return;
            }
            context.warn("the tarball arrived damaged on " + context.target() + " (sha256 " + arrived + ")");
        }
        throw new StepFailedException("the etcd tarball arrived damaged on " + context.target() + " twice (sha256 "
                + arrived + ", expected " + release.sha256() + ")",
                "check free space in /tmp on " + context.target() + " and the connection to it, then re-run");
    }
}
