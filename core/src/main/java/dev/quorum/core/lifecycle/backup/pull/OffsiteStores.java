package dev.quorum.core.lifecycle.backup.pull;

import dev.quorum.core.lifecycle.backup.offsite.AwsWorkstation;
import dev.quorum.core.lifecycle.backup.offsite.OffsiteStore;
import dev.quorum.core.lifecycle.backup.offsite.S3Endpoint;
import dev.quorum.core.lifecycle.backup.offsite.S3Location;
import dev.quorum.core.lifecycle.backup.offsite.S3OffsiteStore;
import java.util.Optional;

/** Opens the off-site store a pull reads from; opened when it is used, so host pulls never need S3 settings. */
@FunctionalInterface
public interface OffsiteStores {

    OffsiteStore open(S3Location location);

    /**
     * With this workstation's AWS settings (decision 0023: AWS_* variables or the profile) at {@code endpoint}
     * ({@code --s3-endpoint}, path-style), or AWS S3 itself when it is empty.
     */
    static OffsiteStores workstation(Optional<String> endpoint) {
        if (endpoint.isPresent()) {
            S3Endpoint.parse(endpoint.get(), S3Endpoint.DEFAULT_REGION); // a bad URL is refused before anything runs
        }
        return location -> {
            AwsWorkstation aws = new AwsWorkstation();
            return S3OffsiteStore.open(location, S3Endpoint.parse(endpoint.orElse(null), aws.region()), aws.credentials());
        };
    }
}
