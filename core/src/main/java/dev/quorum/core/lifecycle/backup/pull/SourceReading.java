package dev.quorum.core.lifecycle.backup.pull;

import java.util.Optional;

/**
 * What asking the backup's host or store found: the backup, no such backup (the host or store answered), or
 * nothing known (it could not be asked). Unknown is never read as "not there".
 */
public record SourceReading(Optional<ListedBackup> backup, Optional<String> unknown) {
    public static SourceReading found(ListedBackup backup) {
        return new SourceReading(Optional.of(backup), Optional.empty());
    }

    public static SourceReading notListed() {
        return new SourceReading(Optional.empty(), Optional.empty());
    }

    public static SourceReading unknown(String why) {
        return new SourceReading(Optional.empty(), Optional.of(why));
    }
}
