package dev.quorum.core.lifecycle.disaster;

import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.release.Sha256;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Copies a large file from a host in pieces (a read holds one piece in memory, not a database of
 * gigabytes), then compares the sha256 of both ends.
 */
final class RemoteDownload {
    private static final int PIECE_MIB = 64;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private RemoteDownload() {
    }

    static long copy(RemoteHost remote, String remoteFile, Path localFile) throws Exception {
        String piece = "/var/tmp/quorum-download-piece";
        long total = 0;
        try (OutputStream out = Files.newOutputStream(localFile)) {
            for (int index = 0; ; index++) {
                remote.run("dd if=" + Shell.quote(remoteFile) + " of=" + piece + " bs=1M count=" + PIECE_MIB
                        + " skip=" + (long) index * PIECE_MIB + " status=none", TIMEOUT).requireOk("read " + remoteFile);
                byte[] bytes = remote.read(piece).orElse(new byte[0]);
                out.write(bytes);
                total += bytes.length;
                if (bytes.length < PIECE_MIB * 1024 * 1024) {
                    break;
                }
            }
        } finally {
            remote.run("rm -f " + piece);
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
