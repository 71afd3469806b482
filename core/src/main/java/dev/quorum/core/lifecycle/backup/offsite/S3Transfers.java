package dev.quorum.core.lifecycle.backup.offsite;

import dev.quorum.core.release.Sha256;
import dev.quorum.core.workspace.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Downloads and uploads of whole backups for {@link S3OffsiteStore}. */
final class S3Transfers {
    private static final String PARTIAL = ".partial";

    private final S3Client client;
    private final S3Location location;
    private final S3Failures failures;
    private final S3Waits waits;

    S3Transfers(S3Client client, S3Location location, S3Failures failures, S3Waits waits) {
        this.client = client;
        this.location = location;
        this.failures = failures;
        this.waits = waits;
    }

    DownloadedBackup download(OffsiteBackup backup, Path target) {
        if (!backup.location().equals(location)) {
            throw new IllegalArgumentException(backup.url() + " is not under " + location);
        }
        Optional<DownloadedBackup> already = alreadyThere(backup, target);
        if (already.isPresent()) {
            return already.get();
        }
        Path partial = target.resolveSibling(target.getFileName() + PARTIAL);
        try {
            OwnerOnly.directories(target.toAbsolutePath().getParent());
            Files.deleteIfExists(partial); // an earlier attempt's leftover is never resumed
        } catch (IOException e) {
            throw fileFailure("prepare " + partial, e);
        }
        boolean kept = false;
        try (ResponseInputStream<GetObjectResponse> in = client.getObject(b -> b.bucket(location.bucket())
                .key(backup.key()).overrideConfiguration(o -> o.apiCallTimeout(waits.transfer(
                        backup.size()))))) {
            String actual = copy(in, partial, backup);
            // the sha256 that came with these bytes, in case the object was replaced since it was listed
            Optional<String> expected = BackupMetadata.fromUserMetadata(in.response().metadata()).sha256();
            if (expected.isPresent() && !expected.get().equals(actual)) {
                throw new BackupChecksumMismatchException(backup, expected.get(), actual);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            kept = true;
            return new DownloadedBackup(target, actual, expected.isPresent());
        } catch (SdkException e) {
            throw failures.of("download " + backup.url(), e);
        } catch (IOException e) {
            throw fileFailure("move " + partial + " to " + target, e);
        } finally {
            if (!kept) {
                deleteQuietly(partial);
            }
        }
    }

    OffsiteBackup upload(Path file, String name, BackupMetadata metadata) {
        String key = location.key(name);
        String sha;
        long size;
        try {
            sha = Sha256.of(file);
            size = Files.size(file);
        } catch (IOException e) {
            throw fileFailure("read " + file, e);
        }
        if (metadata.sha256().isPresent() && !metadata.sha256().get().equals(sha)) {
            throw new OffsiteFileException(file + " has sha256 " + sha + ", not the " + metadata.sha256().get()
                    + " it was to be uploaded with; nothing was uploaded",
                    "the file changed or is not the backup meant; take or pick the backup again", null);
        }
        BackupMetadata withSha = metadata.withSha256(sha);
        try {
            client.putObject(b -> b.bucket(location.bucket()).key(key).contentLength(size)
                            .metadata(withSha.toUserMetadata())
                            .overrideConfiguration(o -> o.apiCallTimeout(waits.transfer(size))),
                    RequestBody.fromFile(file));
            HeadObjectResponse head = client.headObject(b -> b.bucket(location.bucket()).key(key));
            return new OffsiteBackup(location, key, head.contentLength(), head.lastModified(),
                    BackupMetadata.fromUserMetadata(head.metadata()));
        } catch (SdkException e) {
            throw failures.of("upload " + file.getFileName() + " to " + location, e);
        }
    }

    /** A target that already holds the object's bytes (by its sha256) is a finished download. */
    private Optional<DownloadedBackup> alreadyThere(OffsiteBackup backup, Path target) {
        if (!Files.exists(target)) {
            return Optional.empty();
        }
        try {
            String sha = Sha256.of(target);
            if (backup.metadata().sha256().map(sha::equals).orElse(false)) {
                return Optional.of(new DownloadedBackup(target, sha, true));
            }
        } catch (IOException e) {
            throw fileFailure("read " + target, e);
        }
        throw new OffsiteFileException(target + " already exists and is not known to hold " + backup.url()
                + (backup.metadata().sha256().isPresent() ? " (its sha256 differs)" : " (the object has no sha256)")
                + "; it was left as it is", "choose another file name, or move " + target + " away first", null);
    }

    /** Network reads fail as the store's errors, local writes as the workstation's. */
    private String copy(InputStream in, Path partial, OffsiteBackup backup) {
        MessageDigest digest = sha256();
        try (OutputStream out = new DigestOutputStream(OwnerOnly.newOutputStream(partial), digest)) {
            byte[] buffer = new byte[1 << 16];
            while (true) {
                int read;
                try {
                    read = in.read(buffer);
                } catch (IOException e) {
                    throw failures.of("download " + backup.url(), SdkClientException.create(e.getMessage(), e));
                }
                if (read < 0) {
                    break;
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw fileFailure("write " + partial, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static OffsiteFileException fileFailure(String doing, IOException e) {
        return new OffsiteFileException("could not " + doing + ": " + e,
                "check that the folder exists, is writable and has free space", e);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the failure already being reported matters more; the next attempt deletes it first
        }
    }
}
