package dev.quorum.core.lifecycle.backup.offsite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link OffsiteStore} on S3 or an S3-compatible server, through the AWS SDK for Java v2 (decision 0023). */
public final class S3OffsiteStore implements OffsiteStore {
    /** The object {@link #check()} writes and removes again; never listed as a backup. */
    static final String PROBE = ".quorum-write-check";

    private final S3Location location;
    private final S3Client client;
    private final S3Failures failures;
    private final S3Transfers transfers;

    private S3OffsiteStore(S3Location location, S3Endpoint endpoint, S3Credentials credentials, S3Waits waits) {
        this.location = location;
        this.client = S3Clients.create(endpoint, credentials, waits);
        this.failures = new S3Failures(endpoint, location, credentials.accessKeyId());
        this.transfers = new S3Transfers(client, location, failures, waits);
    }

    public static S3OffsiteStore open(S3Location location, S3Endpoint endpoint, S3Credentials credentials) {
        return open(location, endpoint, credentials, S3Waits.DEFAULT);
    }

    static S3OffsiteStore open(S3Location location, S3Endpoint endpoint, S3Credentials credentials, S3Waits waits) {
        return new S3OffsiteStore(location, endpoint, credentials, waits);
    }

    @Override
    public S3Location location() {
        return location;
    }

    @Override
    public List<OffsiteBackup> list() {
        List<OffsiteBackup> backups = new ArrayList<>();
        try {
            ListObjectsV2Request request = ListObjectsV2Request.builder()
                    .bucket(location.bucket()).prefix(location.prefix()).delimiter("/").build();
            for (S3Object object : client.listObjectsV2Paginator(request).contents()) {
                if (object.key().equals(location.prefix() + PROBE) || object.key().endsWith("/")) {
                    continue;
                }
                HeadObjectResponse head;
                try {
                    head = client.headObject(b -> b.bucket(location.bucket()).key(object.key()));
                } catch (NoSuchKeyException goneSinceListed) {
                    continue; // retention on the host removed it between the list and this read
                }
                backups.add(new OffsiteBackup(location, object.key(), object.size(), object.lastModified(),
                        BackupMetadata.fromUserMetadata(head.metadata())));
            }
        } catch (SdkException e) {
            throw failures.of("list " + location, e);
        }
        backups.sort(Comparator.comparing(OffsiteBackup::lastModified).reversed()
                .thenComparing(OffsiteBackup::key));
        return List.copyOf(backups);
    }

    @Override
    public Optional<OffsiteBackup> find(String name) {
        String key = location.key(name);
        try {
            HeadObjectResponse head = client.headObject(b -> b.bucket(location.bucket()).key(key));
            return Optional.of(new OffsiteBackup(location, key, head.contentLength(), head.lastModified(),
                    BackupMetadata.fromUserMetadata(head.metadata())));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) { // a HEAD has no body: a missing key and a missing bucket look the same
                return Optional.empty();
            }
            throw failures.of("read " + location + key.substring(location.prefix().length()), e);
        } catch (SdkException e) {
            throw failures.of("read " + location + key.substring(location.prefix().length()), e);
        }
    }

    @Override
    public DownloadedBackup download(OffsiteBackup backup, Path target) {
        return transfers.download(backup, target);
    }

    @Override
    public OffsiteBackup upload(Path file, String name, BackupMetadata metadata) {
        return transfers.upload(file, name, metadata);
    }

    @Override
    public OffsiteAccess check() {
        try {
            client.listObjectsV2(b -> b.bucket(location.bucket()).prefix(location.prefix()).maxKeys(1));
        } catch (SdkException e) {
            throw failures.of("list " + location, e);
        }
        String probe = location.prefix() + PROBE;
        try {
            client.putObject(b -> b.bucket(location.bucket()).key(probe), RequestBody.fromString("quorum"));
        } catch (SdkException e) {
            OffsiteException failure = failures.of("write " + location, e);
            if (failure instanceof S3CredentialsRefusedException) {
                return OffsiteAccess.READ_ONLY;
            }
            throw failure;
        }
        try {
            client.deleteObject(b -> b.bucket(location.bucket()).key(probe));
        } catch (SdkException e) {
            // a key allowed to write but not to delete still stores backups; the probe stays (a few bytes)
            OffsiteException failure = failures.of("remove the probe " + probe, e);
            if (!(failure instanceof S3CredentialsRefusedException)) {
                throw failure;
            }
        }
        return OffsiteAccess.READ_WRITE;
    }

    @Override
    public void close() {
        client.close();
    }
}
