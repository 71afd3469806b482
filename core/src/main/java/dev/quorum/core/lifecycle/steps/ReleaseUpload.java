package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.release.EtcdRelease;
import dev.quorum.core.remote.CommandResult;
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
        uploadThen(context, remote, release, tarball, "true", "sha256sum on " + context.target());
    }

    /** The exit status of {@link #uploadThen}'s command when the sha256 differs: then nothing else ran. */
    private static final int DAMAGED = 97;

    /**
     * Like {@link #intact}, and runs {@code then} in the same exchange once the sha256 matches (issue 18: the
     * comparison and the unpacking cost one round trip, not two). {@code then} fails the step as {@code what}.
     */
    public static String uploadThen(StepContext context, RemoteHost remote, EtcdRelease release, String tarball,
                                    String then, String what) throws StepFailedException {
        String arrived = "";
        String file = Shell.quote(tarball);
        for (int attempt = 1; attempt <= 2; attempt++) {
            context.info("uploading " + release.tarball().getFileName() + (attempt > 1 ? " again" : ""));
            remote.uploadScratch(release.tarball(), tarball, "0600");
            CommandResult ran = remote.run("sum=$(sha256sum " + file + ") || exit 1; sum=${sum%% *}; "
                    + "if [ \"$sum\" != " + Shell.quote(release.sha256()) + " ]; then echo \"$sum\"; exit " + DAMAGED
                    + "; fi; " + then);
            if (ran.exitStatus() != DAMAGED) {
                return ran.requireOk(what).stdout();
            }
            arrived = ran.stdout().strip();
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
