package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.release.EtcdRelease;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.util.List;

/**
 * Puts {@code etcd} and {@code etcdctl} into {@code bin_dir}: the tarball is uploaded once and
 * unpacked on the host; installed binaries are compared by sha256, so a re-run uploads nothing.
 */
public final class BinariesStep extends HostStep {

    public BinariesStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Install etcd and etcdctl " + session.settings().version() + " to " + session.settings().binDir();
    }

    @Override
    public List<String> preview(String target) {
        String bin = session.settings().binDir();
        return List.of("scp etcd-" + session.settings().version() + "-linux-" + session.settings().architecture()
                        + ".tar.gz " + target + ":/tmp/",
                "tar -xzf /tmp/etcd-*.tar.gz && install -m 0755 etcd etcdctl " + bin + "/");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        if (session.fetchedRelease().isEmpty()) {
            return Check.needed("the release is not fetched yet");
        }
        EtcdRelease release = session.release();
        String bin = session.settings().binDir();
        var result = remote(context).run("sha256sum " + Shell.quote(bin + "/etcd") + " " + Shell.quote(bin + "/etcdctl")
                + " 2>/dev/null");
        String out = result.stdout();
        boolean etcd = out.contains(release.etcdSha256() + "  " + bin + "/etcd\n")
                || out.contains(release.etcdSha256() + "  " + bin + "/etcd");
        boolean etcdctl = out.contains(release.etcdctlSha256() + "  " + bin + "/etcdctl");
        if (etcd && etcdctl) {
            return Check.done("etcd " + session.settings().version() + " already installed");
        }
        return Check.needed(out.isBlank() ? "not installed" : "installed binaries differ from " + release.version());
    }

    @Override
    public void apply(StepContext context) throws Exception {
        EtcdRelease release = session.release();
        RemoteHost remote = remote(context);
        String bin = session.settings().binDir();
        String tarball = "/tmp/quorum-etcd-" + release.sha256().substring(0, 16) + ".tar.gz";
        uploadIntact(context, remote, release, tarball);
        for (String binary : List.of("etcd", "etcdctl")) {
            ManagedFiles.backup(remote, bin + "/" + binary);
        }
        String unpack = String.join(" && ",
                "set -e",
                "dir=$(mktemp -d)",
                "tar -xzf " + tarball + " -C \"$dir\" " + Shell.quote(release.etcdEntry()) + " "
                        + Shell.quote(release.etcdctlEntry()),
                "mkdir -p " + Shell.quote(bin),
                install(release.etcdEntry(), bin + "/etcd"),
                install(release.etcdctlEntry(), bin + "/etcdctl"),
                "rm -rf \"$dir\" " + tarball);
        remote.run(unpack).requireOk("unpack etcd on " + context.target());
        session.changedWhileRunning(context.target());
    }

    /**
     * Uploads the tarball and compares its sha256 on the host, once more if it arrived damaged:
     * a broken upload must fail here, with the reason, not as a tar error or a broken binary.
     */
    private static void uploadIntact(StepContext context, RemoteHost remote, EtcdRelease release, String tarball)
            throws StepFailedException {
        String arrived = "";
        for (int attempt = 1; attempt <= 2; attempt++) {
            context.info("uploading " + release.tarball().getFileName() + (attempt > 1 ? " again" : ""));
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

    /** install to a temporary name then rename, so a running etcd keeps its binary until restarted. */
    private static String install(String entry, String destination) {
        return "install -m 0755 \"$dir\"/" + Shell.quote(entry) + " " + Shell.quote(destination + ".quorum-new")
                + " && mv -f " + Shell.quote(destination + ".quorum-new") + " " + Shell.quote(destination);
    }
}
