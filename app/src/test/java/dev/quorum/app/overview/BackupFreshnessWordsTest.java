package dev.quorum.app.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.lifecycle.backup.BackupStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A card's backup line for every way the backups can stand. */
class BackupFreshnessWordsTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private static String words(BackupStatus status, Optional<Instant> newest) {
        return BackupFreshnessWords.words(Optional.of(OverviewViewModelTest.health(status, newest)), NOW);
    }

    @Test
    void aNewestBackupSaysItsAgeAndWhatIsWrongWithTheSchedule() {
        assertThat(words(BackupStatus.FRESH, Optional.of(NOW.minusSeconds(25 * 60))))
                .isEqualTo("backups: newest verified 25 min ago");
        assertThat(words(BackupStatus.STALE, Optional.of(NOW.minus(Duration.ofDays(3)))))
                .isEqualTo("backups: newest verified 3 days ago, stale");
        assertThat(words(BackupStatus.FAILED, Optional.of(NOW.minus(Duration.ofHours(30)))))
                .isEqualTo("backups: newest verified 30 h ago, the last run failed");
        assertThat(words(BackupStatus.UNKNOWN, Optional.of(NOW.minus(Duration.ofHours(1)))))
                .isEqualTo("backups: newest verified 1 h ago, a host could not be asked");
        assertThat(words(BackupStatus.NOT_SCHEDULED, Optional.of(NOW.minus(Duration.ofHours(2)))))
                .isEqualTo("backups: newest verified 2 h ago, not scheduled");
    }

    @Test
    void noBackupIsNeverSaidWhenAHostCouldNotBeAsked() {
        assertThat(words(BackupStatus.NOT_SCHEDULED, Optional.empty())).isEqualTo("backups: no backups yet");
        assertThat(words(BackupStatus.PENDING, Optional.empty())).isEqualTo("backups: no backups yet");
        assertThat(words(BackupStatus.UNKNOWN, Optional.empty())).isEqualTo("backups: unknown, a host could not be asked");
        assertThat(words(BackupStatus.FAILED, Optional.empty())).isEqualTo("backups: none yet, the last run failed");
    }

    @Test
    void aClusterQuorumKeepsNoBackupsOfSaysSo() {
        assertThat(BackupFreshnessWords.words(Optional.empty(), NOW)).isEqualTo(BackupFreshnessWords.NOT_KEPT);
    }

    @Test
    void aHostClockAheadOfOursIsJustNow() {
        assertThat(words(BackupStatus.FRESH, Optional.of(NOW.plusSeconds(40)))).isEqualTo("backups: newest verified just now");
    }
}
