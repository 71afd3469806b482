package dev.quorum.core.lifecycle.backup.pull;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.lifecycle.backup.BackupEntry;
import dev.quorum.core.lifecycle.backup.BackupList;
import dev.quorum.core.lifecycle.backup.HostBackups;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import dev.quorum.core.workspace.OwnerOnly;
import java.io.OutputStream;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A backup in a member host's backup directory: listed as {@code quorum backup list} lists it (its manifest), and
 * copied over the SSH channel in pieces of 64 MiB (one piece in memory at a time, no copy left on the host), the
 * sha256 computed as the bytes arrive.
 */
final class HostBackupSource implements BackupSource {
    static final int PIECE_MIB = 64;
    private static final Duration PIECE_TIMEOUT = Duration.ofMinutes(10);

    private final ClusterSession cluster;
    private final HostBackupLocation location;
    private final int pieceMib;

    HostBackupSource(ClusterSession cluster, HostBackupLocation location, int pieceMib) {
        this.cluster = cluster;
        this.location = location;
        this.pieceMib = pieceMib;
    }

    @Override
    public SourceReading read() {
        HostBackups host = BackupList.read(cluster, location.host());
        if (host.unknown().isPresent()) {
            return SourceReading.unknown(location.host() + " " + host.unknown().get());
        }
        return host.backups().stream().filter(b -> b.location().equals(location.text())).findFirst()
                .map(HostBackupSource::listed).map(SourceReading::found).orElse(SourceReading.notListed());
    }

    static ListedBackup listed(BackupEntry b) {
        String file = b.location().substring(b.location().lastIndexOf('/') + 1);
        return new ListedBackup(b.location(), b.sha256(), b.size(), b.revision(), b.time(), member(file, b.host()),
                b.verified(), b.problem());
    }

    /** quorum-backup-MEMBER-TIMESTAMP.db, as the on-host job names it; else the host. */
    private static String member(String file, String host) {
        return Optional.of(file).filter(f -> f.matches("quorum-backup-.+-\\d{8}T\\d{6}Z\\.db"))
                .map(f -> f.substring("quorum-backup-".length(), f.length() - "-00000000T000000Z.db".length()))
                .orElse(host);
    }

    @Override
    public String copyTo(Path partial, ListedBackup backup) throws Exception {
        RemoteHost remote = cluster.remote(location.host());
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = new DigestOutputStream(OwnerOnly.newOutputStream(partial, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), digest)) {
            for (long first = 0; ; first += pieceMib) {
                byte[] bytes = remote.readMebibytes(location.path(), first, pieceMib, PIECE_TIMEOUT)
                        .orElseThrow(() -> new StepFailedException(location.text() + " disappeared while it was copied "
                                + "(the schedule's retention may have removed it)",
                                "pick a newer backup from quorum backup list -i INVENTORY"));
                out.write(bytes);
                if (bytes.length < pieceMib * 1024L * 1024L) {
                    break;
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public String byHand(Path target) {
        return "scp " + Shell.quote("root@" + location.host() + ":" + location.path()) + " " + Shell.quote(target.toString());
    }
}
