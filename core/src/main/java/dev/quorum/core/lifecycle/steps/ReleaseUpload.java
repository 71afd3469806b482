package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.release.EtcdRelease;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;

/**
 * A release tarball on a host, as every step that installs from it needs it: uploaded and compared by sha256 (sent
 * once more if it arrived damaged), and binaries taken from it under a temporary name and then renamed.
 */
public final class ReleaseUpload {
    private ReleaseUpload() {
    }

    /** Where a release's tarball lands on a host: named by its hash, so two releases never share the file. */
    public static String path(EtcdRelease release) {
        return "/tmp/quorum-etcd-" + release.sha256().substring(0, 16) + ".tar.gz";
    }

    /**
     * Uploads the tarball and compares its sha256 on the host, once more if it arrived damaged: a broken upload
     * must fail here, with the reason, not as a tar error or a broken binary.
     */
    public static void intact(StepContext context, RemoteHost remote, EtcdRelease release, String tarball)
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

    /**
     * The shell words that install {@code entry}, unpacked under {@code $dir}, to a temporary name and then rename it,
     * so a running etcd keeps its binary until restarted.
     */
    public static String installCommand(String entry, String destination) {
        return "install -m 0755 \"$dir\"/" + Shell.quote(entry) + " " + Shell.quote(destination + ".quorum-new")
                + " && mv -f " + Shell.quote(destination + ".quorum-new") + " " + Shell.quote(destination);
    }
}
