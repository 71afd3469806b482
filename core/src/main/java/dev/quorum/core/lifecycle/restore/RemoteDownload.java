package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.release.Sha256;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import dev.quorum.core.workspace.OwnerOnly;
import java.io.OutputStream;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Copies a large file from a host in pieces (a read holds one piece in memory, not a database of
 * gigabytes), then compares the sha256 of both ends. Each piece comes over the SSH channel: no
 * part of the database is ever written to a temporary file on the host, where others could read it.
 * The local copy is 0600 from its creation.
 */
final class RemoteDownload {
    private static final int PIECE_MIB = 64;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private RemoteDownload() {
    }

    static long copy(RemoteHost remote, String remoteFile, Path localFile) throws Exception {
        return copy(remote, remoteFile, localFile, PIECE_MIB);
    }

    static long copy(RemoteHost remote, String remoteFile, Path localFile, int pieceMib) throws Exception {
        long total = 0;
        try (OutputStream out = OwnerOnly.newOutputStream(localFile, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long first = 0; ; first += pieceMib) {
                byte[] bytes = remote.readMebibytes(remoteFile, first, pieceMib, TIMEOUT)
                        .orElseThrow(() -> new StepFailedException(remote.name() + ":" + remoteFile
                                + " disappeared while it was copied", "check that etcd is stopped there, then re-run"));
                out.write(bytes);
                total += bytes.length;
                if (bytes.length < pieceMib * 1024 * 1024) {
                    break;
                }
            }
        }
        String there = remote.run("sha256sum " + Shell.quote(remoteFile), TIMEOUT).requireOk("sha256sum " + remoteFile)
                .stdout().strip().split("\\s+")[0];
        String here = Sha256.of(localFile);
        if (!there.equals(here)) {
            throw new StepFailedException("the copy of " + remote.name() + ":" + remoteFile + " differs from the original "
                    + "(sha256 " + here + " here, " + there + " there)", "check the connection and free space, then re-run");
        }
        return total;
    }
}
