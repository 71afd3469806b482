package dev.quorum.core.lifecycle.backup;

import dev.quorum.core.lifecycle.backup.offsite.AwsWorkstation;
import dev.quorum.core.lifecycle.backup.offsite.S3Credentials;
import dev.quorum.core.lifecycle.backup.offsite.S3Endpoint;
import dev.quorum.core.lifecycle.backup.offsite.S3Location;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@code quorum backup schedule --every --keep [--copy-to [--s3-endpoint]]} and the app's Schedule wizard ask
 * for, turned into one {@link BackupSchedule}: the CLI and the app build it the same way. The off-site key comes
 * from this workstation's AWS settings (decision 0023), read only when a copy is asked for, and only here.
 */
public record ScheduleRequest(Duration every, int keep, Optional<String> copyTo, Optional<String> s3Endpoint) {

    /** Everything checkable without the AWS key: the form of each value. Throws what to do, as the CLI says it. */
    public BackupSchedule withoutKey() {
        BackupSchedule schedule = BackupSchedule.of(every, keep);
        if (copyTo.isEmpty()) {
            if (s3Endpoint.isPresent()) {
                throw new BackupException("--s3-endpoint without --copy-to", "add --copy-to s3://BUCKET/PREFIX, or "
                        + "leave both out for backups on the hosts only");
            }
            return schedule;
        }
        S3Location.parse(copyTo.get()); // the bucket and prefix as S3 accepts them, before any credentials are read
        s3Endpoint.ifPresent(url -> S3Endpoint.parse(url, S3Endpoint.DEFAULT_REGION));
        return schedule;
    }

    /** The schedule to install, with this workstation's key for the hosts when a copy is asked for. Blocks (profiles). */
    public BackupSchedule resolve(Supplier<AwsWorkstation> workstation) {
        BackupSchedule schedule = withoutKey();
        if (copyTo.isEmpty()) {
            return schedule;
        }
        AwsWorkstation aws = workstation.get();
        String region = aws.region();
        String endpoint = s3Endpoint.isEmpty() ? OffsiteCopy.awsEndpoint(region)
                : S3Endpoint.parse(s3Endpoint.get(), region).url().orElseThrow().toString();
        S3Credentials key = aws.credentials();
        return schedule.withOffsite(OffsiteCopy.withoutSession(copyTo.get(), endpoint, region, key.accessKeyId(),
                key.secretAccessKey(), key.sessionToken().isPresent()));
    }
}
