package dev.quorum.core.lifecycle.backup.pull;

import dev.quorum.core.lifecycle.backup.offsite.DownloadedBackup;
import dev.quorum.core.lifecycle.backup.offsite.OffsiteBackup;
import dev.quorum.core.lifecycle.backup.offsite.OffsiteStore;
import dev.quorum.core.lifecycle.backup.offsite.S3UnreachableException;
import dev.quorum.core.remote.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An off-site backup: its object's own metadata ({@code x-amz-meta-sha256}, revision, member, written by the hosts'
 * upload) is what the copy is checked against; the store's download checks that sha256 once more as it writes.
 */
final class S3BackupSource implements BackupSource {
    private final OffsiteStores stores;
    private final S3BackupLocation location;

    S3BackupSource(OffsiteStores stores, S3BackupLocation location) {
        this.stores = stores;
        this.location = location;
    }

    @Override
    public SourceReading read() {
        try (OffsiteStore store = stores.open(location.dir())) {
            return store.find(location.name()).map(this::listed).map(SourceReading::found)
                    .orElse(SourceReading.notListed());
        } catch (S3UnreachableException e) {
            return SourceReading.unknown(e.getMessage());
        }
    }

    private ListedBackup listed(OffsiteBackup object) {
        Optional<String> sha = object.metadata().sha256();
        return new ListedBackup(location.text(), sha.orElse(""), object.size(), object.metadata().revision().orElse(0),
                Optional.ofNullable(object.lastModified()), object.metadata().member().orElse(""), sha.isPresent(),
                sha.isPresent() ? Optional.empty() : Optional.of("the object carries no x-amz-meta-sha256"));
    }

    @Override
    public String copyTo(Path partial, ListedBackup backup) throws Exception {
        Files.deleteIfExists(partial); // the store's download never overwrites, and this is our own leftover
        try (OffsiteStore store = stores.open(location.dir())) {
            OffsiteBackup object = store.find(location.name()).orElseThrow(() -> new BackupLocationException(
                    location.text() + " disappeared while it was to be copied"));
            DownloadedBackup downloaded = store.download(object, partial);
            return downloaded.sha256();
        }
    }

    @Override
    public String byHand(Path target) {
        return "aws s3 cp " + Shell.quote(location.text()) + " " + Shell.quote(target.toString())
                + " [--endpoint-url URL]";
    }
}
