package dev.quorum.core.lifecycle.backup.offsite;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * What an off-site backup says about itself in its object metadata, as the on-host job sets it
 * ({@code x-amz-meta-sha256}, {@code x-amz-meta-revision}, {@code x-amz-meta-member}). Any of them
 * may be missing (an object someone copied there by hand); a value that does not parse counts as
 * missing rather than failing the whole list.
 */
public record BackupMetadata(Optional<String> sha256, OptionalLong revision, Optional<String> member) {
    /** The user-metadata names, without the {@code x-amz-meta-} the wire adds. */
    public static final String SHA256 = "sha256";
    public static final String REVISION = "revision";
    public static final String MEMBER = "member";
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public static BackupMetadata none() {
        return new BackupMetadata(Optional.empty(), OptionalLong.empty(), Optional.empty());
    }

    public BackupMetadata withSha256(String value) {
        return new BackupMetadata(Optional.of(value), revision, member);
    }

    static BackupMetadata fromUserMetadata(Map<String, String> metadata) {
        Optional<String> sha = Optional.ofNullable(metadata.get(SHA256)).map(String::strip)
                .filter(v -> HEX64.matcher(v).matches());
        OptionalLong revision = OptionalLong.empty();
        String rev = metadata.get(REVISION);
        if (rev != null && rev.strip().matches("\\d{1,18}")) {
            revision = OptionalLong.of(Long.parseLong(rev.strip()));
        }
        return new BackupMetadata(sha, revision, Optional.ofNullable(metadata.get(MEMBER)).filter(m -> !m.isBlank()));
    }

    Map<String, String> toUserMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        sha256.ifPresent(v -> metadata.put(SHA256, v));
        revision.ifPresent(v -> metadata.put(REVISION, Long.toString(v)));
        member.ifPresent(v -> metadata.put(MEMBER, v));
        return metadata;
    }
}
